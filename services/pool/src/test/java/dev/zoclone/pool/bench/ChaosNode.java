package dev.zoclone.pool.bench;

import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.PoolWorker;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One {@code zo node} worker as its own process, calling the pool service directly with the
 * gateway's headers, so {@link PoolChaosRun} can kill -9 it. Args: base URL, user, name, slots; env
 * ZO_INTERNAL_SECRET.
 */
public final class ChaosNode {
  private ChaosNode() {}

  public static void main(String[] args) throws InterruptedException {
    URI base = URI.create(args[0]);
    String secret = System.getenv("ZO_INTERNAL_SECRET");
    PoolWorker worker =
        new PoolWorker(
            GatewayPoolApi.withHeaders(
                base, Map.of("X-Zo-Internal-Secret", secret, "X-Zo-User", args[1])),
            args[2],
            Map.of(),
            Integer.parseInt(args[3]),
            new PrintWriter(System.out, true));
    worker.runUntilShutdown(Duration.ofSeconds(5));
  }
}
