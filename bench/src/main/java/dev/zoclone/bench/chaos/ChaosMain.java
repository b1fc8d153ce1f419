package dev.zoclone.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chaos command ({@code bench/chaos}): keeps a stack busy with asks, job submissions (run by a
 * node that leases them), memories and automations, kills each service in turn with SIGKILL (and
 * the Kafka broker with {@code -Dchaos.broker=true}), starts it again, and reports how long the
 * restart and the clients' recovery took, what the clients saw meanwhile, whether any call hung
 * past its timeout, and what was lost of everything the platform had acknowledged. Exits 1 when
 * anything acknowledged was lost or a call hung.
 *
 * <p>Settings: {@code chaos.targets} (memory,agents,pool,scheduler,gateway), {@code chaos.down}
 * seconds a target stays dead (3), {@code chaos.settle} seconds of load between faults (10), {@code
 * chaos.agents.expiry} agents' replica expiry ({@code zo.agents.replica.expiry}, the service's own
 * default when unset): set it past agents' restart time and an ask cut by the agents kill keeps its
 * {@code Idempotency-Key} claimed by the dead replica until then, so the client's retries meet 409
 * {@code idempotency-key-in-progress} before the key is freed and the retry is served.
 *
 * <p>Every acknowledged ask's question must be in its conversation exactly once: missing is lost,
 * more than once is a retry the platform ran twice.
 */
public final class ChaosMain {
  private ChaosMain() {}

  /** One fault and what followed it. */
  private record Fault(
      String target, double restartSeconds, double recoverySeconds, Map<String, Integer> seen) {}

  public static void main(String[] args) throws Exception {
    List<String> targets =
        List.of(
            System.getProperty("chaos.targets", "memory,agents,pool,scheduler,gateway").split(","));
    boolean broker = Boolean.getBoolean("chaos.broker");
    int down = Integer.getInteger("chaos.down", 3);
    int settle = Integer.getInteger("chaos.settle", 10);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Fault> faults = new ArrayList<>();
    Map<String, Integer> lost = new HashMap<>();
    List<ClientLoad> loads;
    int duplicated;
    // The model answers after 500 ms, as a real one takes its time: an ask is then nearly always
    // in flight when agents is killed, which is the case a client's retry has to survive.
    try (FakeOpenAiServer model =
            new FakeOpenAiServer().setDefault(Reply.text("ok").delay(Duration.ofMillis(500)));
        LocalPlatform platform = stack().start()) {
      User user = platform.newUser("chaos");
      new Stack(platform).putKey(user.token(), "fast", model.baseUrl());
      Gateway gateway = new Gateway(platform.gatewayUrl(), user.token());
      ChaosNode node = new ChaosNode(gateway);
      loads = loads(gateway, run);
      ExecutorService threads = Executors.newCachedThreadPool();
      threads.submit(node);
      loads.forEach(threads::submit);
      Thread.sleep(settle * 1000L);
      List<String> all = new ArrayList<>(targets);
      if (broker) {
        all.add("kafka");
      }
      for (String target : all) {
        faults.add(fault(platform, target, loads, down));
        Thread.sleep(settle * 1000L);
      }
      loads.forEach(ClientLoad::stop);
      System.out.println("chaos: load stopped; checking what was acknowledged");
      AskCheck asks = checkAsks(gateway, loads.get(0), run);
      lost.put("asks", asks.lost());
      duplicated = asks.duplicated();
      lost.put("jobs", lostJobs(gateway, loads.get(1)));
      lost.put("memories", missing(gateway, loads.get(2), "/api/v1/memories/"));
      lost.put("automations", missing(gateway, loads.get(3), "/api/v1/automations/"));
      node.stop();
      threads.shutdownNow();
      threads.awaitTermination(40, TimeUnit.SECONDS);
    }
    boolean hung = report(faults, loads, lost);
    System.out.printf("asks run more than once: %d%n", duplicated);
    boolean anyLost = lost.values().stream().anyMatch(n -> n > 0);
    System.exit(anyLost || hung || duplicated > 0 ? 1 : 0);
  }

  private static LocalPlatform.Builder stack() {
    LocalPlatform.Builder builder = Stack.platform("agents", "memory", "pool", "scheduler");
    String expiry = System.getProperty("chaos.agents.expiry");
    if (expiry != null) {
      builder.property("agents", "zo.agents.replica.expiry", expiry);
    }
    return builder;
  }

  private static List<ClientLoad> loads(Gateway gateway, String run) {
    return List.of(
        new ClientLoad(
            "asks",
            100,
            i ->
                gateway
                        .call(
                            "POST",
                            "/api/v1/ask",
                            "{\"input\":\"" + question(run, i) + "\",\"model_name\":\"fast:m\"}",
                            "chaos-" + run + "-ask-" + i)
                        .path("conversation_id")
                        .asText()
                    + "|"
                    + i),
        new ClientLoad(
            "jobs",
            20,
            i ->
                gateway
                    .call(
                        "POST",
                        "/api/v1/jobs",
                        "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"},\"idempotency_key\":\"chaos-"
                            + run
                            + "-"
                            + i
                            + "\"}")
                    .path("id")
                    .asText()),
        new ClientLoad(
            "memories",
            100,
            i ->
                gateway
                    .call(
                        "POST",
                        "/api/v1/memories",
                        "{\"content\":\"chaos " + run + " memory " + i + "\"}")
                    .path("id")
                    .asText()),
        // Hourly: an automation fires at most once during a run. Minutely ones, one created each
        // second, made the scheduler's and the node's work grow all through the run (600 firings
        // a minute after ten minutes), so later faults met a heavier platform than earlier ones.
        new ClientLoad(
            "automations",
            1000,
            i ->
                gateway
                    .call(
                        "POST",
                        "/api/v1/automations",
                        "{\"title\":\"chaos "
                            + i
                            + "\",\"rrule\":\"FREQ=HOURLY\",\"tzid\":\"UTC\",\"action\":{\"type\":\"job\",\"payload\":{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}}}")
                    .path("id")
                    .asText()));
  }

  private static Fault fault(
      LocalPlatform platform, String target, List<ClientLoad> loads, int down) throws Exception {
    Map<String, Integer> before = failures(loads);
    List<String> calling =
        loads.stream().filter(ClientLoad::calling).map(ClientLoad::name).toList();
    System.out.printf("chaos: kill -9 %s; calls on their way: %s%n", target, calling);
    long killedAt = System.nanoTime();
    Broker broker = new Broker(platform.repoRoot());
    if (target.equals("kafka")) {
      broker.kill();
    } else {
      platform.kill(target);
    }
    Thread.sleep(down * 1000L);
    long restartAt = System.nanoTime();
    if (target.equals("kafka")) {
      broker.start();
    } else {
      platform.restart(target);
    }
    long readyAt = System.nanoTime();
    long deadline = readyAt + 180_000_000_000L;
    while (loads.stream().anyMatch(load -> load.lastSuccessNanos() < readyAt)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<String> unserved =
        loads.stream()
            .filter(load -> load.lastSuccessNanos() < readyAt)
            .map(ClientLoad::name)
            .toList();
    long recovered = unserved.isEmpty() ? System.nanoTime() : -1;
    Map<String, Integer> seen = new HashMap<>(failures(loads));
    before.forEach((kind, n) -> seen.merge(kind, -n, Integer::sum));
    seen.values().removeIf(n -> n == 0);
    Fault fault =
        new Fault(
            target,
            (readyAt - restartAt) / 1e9,
            recovered < 0 ? Double.NaN : (recovered - killedAt) / 1e9,
            seen);
    // Told at once, so a run cut short still shows the faults it went through.
    System.out.printf(
        "chaos: %s back in %.1f s, every client served again %s after the kill; clients saw %s%n",
        target,
        fault.restartSeconds(),
        recovered < 0
            ? "not within 3 min (not served: " + unserved + ")"
            : String.format("%.1f s", fault.recoverySeconds()),
        seen.isEmpty() ? "nothing" : seen);
    return fault;
  }

  private static Map<String, Integer> failures(List<ClientLoad> loads) {
    Map<String, Integer> all = new HashMap<>();
    for (ClientLoad load : loads) {
      load.failures().forEach((kind, n) -> all.merge(load.name() + " " + kind, n, Integer::sum));
    }
    return all;
  }

  /** The question of the run's {@code i}th ask; no question is a prefix of another's. */
  private static String question(String run, int i) {
    return "chaos " + run + " turn " + i + ".";
  }

  /**
   * Acknowledged asks whose question is not in their conversation, or is stored more than once: a
   * retry the platform ran again would have stored it in a conversation of its own. (An ask cut by
   * a crash may leave the conversation it had started, titled after the question but empty.)
   */
  private record AskCheck(int lost, int duplicated) {}

  private static AskCheck checkAsks(Gateway gateway, ClientLoad asks, String run) throws Exception {
    int lost = 0;
    int duplicated = 0;
    for (String ack : asks.acknowledged()) {
      String[] parts = ack.split("\\|");
      String question = question(run, Integer.parseInt(parts[1]));
      long inItsConversation = timesAsked(gateway, parts[0], question);
      long inAll = 0;
      JsonNode holding =
          gateway
              .call(
                  "GET",
                  "/api/v1/conversations?limit=10&q="
                      + URLEncoder.encode(question, StandardCharsets.UTF_8),
                  null)
              .path("conversations");
      for (JsonNode conversation : holding) {
        inAll += timesAsked(gateway, conversation.path("id").asText(), question);
      }
      if (inItsConversation == 0) {
        lost++;
        System.out.println("chaos: lost ask " + question + " of conversation " + parts[0]);
      } else if (inAll > 1) {
        duplicated++;
        System.out.printf(
            "chaos: ask %s stored %d times, %d in its conversation %s%n",
            question, inAll, inItsConversation, parts[0]);
      }
    }
    return new AskCheck(lost, duplicated);
  }

  /** How many of the user's messages in the conversation are {@code question}. */
  private static long timesAsked(Gateway gateway, String conversationId, String question)
      throws Exception {
    long times = 0;
    for (JsonNode message :
        gateway.call("GET", "/api/v1/conversations/" + conversationId, null).path("messages")) {
      if (message.path("role").asText().equals("user")
          && message.path("content").asText().equals(question)) {
        times++;
      }
    }
    return times;
  }

  /**
   * Waits (up to 3 min) until none of the user's jobs is waiting or running, then counts the
   * acknowledged jobs that did not succeed; each is looked at once, so thousands of jobs cannot
   * make the check itself outlast its deadline.
   */
  private static int lostJobs(Gateway gateway, ClientLoad jobs) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (unfinishedJobs(gateway) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    int lost = 0;
    for (String id : jobs.acknowledged()) {
      String status = gateway.call("GET", "/api/v1/jobs/" + id, null).path("status").asText();
      if (!status.equals("SUCCEEDED")) {
        lost++;
        System.out.println("chaos: job " + id + " did not succeed: " + status);
      }
    }
    return lost;
  }

  private static int unfinishedJobs(Gateway gateway) throws Exception {
    int unfinished = 0;
    for (String status : List.of("PENDING", "LEASED", "RUNNING")) {
      unfinished +=
          gateway.call("GET", "/api/v1/jobs?limit=1&status=" + status, null).path("jobs").size();
    }
    return unfinished;
  }

  private static int missing(Gateway gateway, ClientLoad load, String path) {
    int lost = 0;
    for (String id : load.acknowledged()) {
      try {
        gateway.call("GET", path + id, null);
      } catch (Exception e) {
        lost++;
        System.out.println("chaos: lost " + path + id + ": " + e.getMessage());
      }
    }
    return lost;
  }

  /** Prints the report; answers whether any call took longer than a client's timeout. */
  private static boolean report(
      List<Fault> faults, List<ClientLoad> loads, Map<String, Integer> lost) {
    System.out.println();
    System.out.println(
        "| killed | restart → ready | kill → every client served again | what clients saw meanwhile |");
    System.out.println("|---|---|---|---|");
    for (Fault fault : faults) {
      System.out.printf(
          "| %s | %.1f s | %s | %s |%n",
          fault.target(),
          fault.restartSeconds(),
          Double.isNaN(fault.recoverySeconds())
              ? "**not within 3 min**"
              : String.format("%.1f s", fault.recoverySeconds()),
          fault.seen().isEmpty() ? "nothing" : fault.seen().toString());
    }
    System.out.println();
    System.out.println("| clients | acknowledged | lost | slowest call |");
    System.out.println("|---|---|---|---|");
    boolean hung = false;
    for (ClientLoad load : loads) {
      hung |= load.slowestSeconds() > Gateway.TIMEOUT.toSeconds() + 5;
      System.out.printf(
          "| %s | %d | %d | %.1f s |%n",
          load.name(), load.acknowledged().size(), lost.get(load.name()), load.slowestSeconds());
    }
    System.out.printf(
        "%nclient timeout %d s; %s%n",
        Gateway.TIMEOUT.toSeconds(), hung ? "a call HUNG past it" : "no call hung past it");
    return hung;
  }
}
