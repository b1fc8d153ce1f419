package dev.zoclone.bench.pool;

import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.PoolWorker;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One {@code zo node} worker as its own process, leasing through the gateway with a user's token,
 * so {@link PoolChaosBenchmark} can kill -9 it. Args: gateway URL, name, slots; env ZO_TOKEN.
 */
public final class PoolChaosNode {
  private PoolChaosNode() {}

  public static void main(String[] args) throws InterruptedException {
    PoolWorker worker =
        new PoolWorker(
            GatewayPoolApi.withToken(URI.create(args[0]), System.getenv("ZO_TOKEN")),
            args[1],
            Map.of(),
            Integer.parseInt(args[2]),
            new PrintWriter(System.out, true));
    worker.runUntilShutdown(Duration.ofSeconds(5));
  }
}
