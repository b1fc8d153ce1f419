package dev.zoclone.gateway.replicas;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services with several replicas behind the gateway under test: real HTTP servers, a replica that
 * drops requests, and URLs where nothing listens.
 *
 * <ul>
 *   <li>agents, memory: nothing listening, then replica A;
 *   <li>skills, scheduler: a {@link DroppingReplica}, then replica B;
 *   <li>pool: replicas A and B (B's readiness can be switched off);
 *   <li>browser, supervisor: nothing listening.
 * </ul>
 */
public class ReplicaServices implements QuarkusTestResourceLifecycleManager {
  private String checkInterval = "1h";
  private EchoReplica a;
  private EchoReplica b;
  private DroppingReplica droppingSkills;
  private DroppingReplica droppingScheduler;

  @Override
  public void init(Map<String, String> initArgs) {
    checkInterval = initArgs.getOrDefault("check-interval", checkInterval);
  }

  @Override
  public Map<String, String> start() {
    try {
      a = new EchoReplica("A");
      b = new EchoReplica("B");
      droppingSkills = new DroppingReplica();
      droppingScheduler = new DroppingReplica();
      String nowhere = "http://127.0.0.1:" + freePort();
      Map<String, String> config = new HashMap<>();
      config.put("zo.gateway.home", Files.createTempDirectory("zo-gateway-replicas").toString());
      config.put("zo.gateway.replica-check-interval", checkInterval);
      config.put(url("agents"), nowhere + "," + a.url());
      config.put(url("memory"), nowhere + "," + a.url());
      config.put(url("skills"), droppingSkills.url() + "," + b.url());
      config.put(url("scheduler"), droppingScheduler.url() + "," + b.url());
      config.put(url("pool"), a.url() + "," + b.url());
      for (String service : List.of("browser", "supervisor")) {
        config.put(url(service), nowhere);
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    try {
      for (AutoCloseable server : new AutoCloseable[] {a, b, droppingSkills, droppingScheduler}) {
        if (server != null) {
          server.close();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String url(String service) {
    return "zo.gateway.services." + service + ".url";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
