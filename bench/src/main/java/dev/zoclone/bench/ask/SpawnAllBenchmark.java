package dev.zoclone.bench.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/agents/spawn-all} of 100 agents against a fake model that takes 500 ms each,
 * {@code max_concurrency} 100, on a stack just started: the first round (cold) and the next ones,
 * each as the wall time the caller waits for all results. Sizes: {@code bench.spawn-all.agents}
 * (100), {@code bench.spawn-all.rounds} (3).
 */
public final class SpawnAllBenchmark implements Benchmark {
  @Override
  public String name() {
    return "spawn-all";
  }

  @Override
  public List<Figure> run() throws Exception {
    int agents = size("agents", 100);
    int rounds = size("rounds", 3);
    List<Figure> figures = new ArrayList<>();
    try (FakeOpenAiServer slow =
            new FakeOpenAiServer().setDefault(Reply.text("done").delay(Duration.ofMillis(500)));
        LocalPlatform platform = Stack.platform("agents", "memory").start()) {
      Stack stack = new Stack(platform);
      User user = platform.newUser("spawn-bench");
      stack.putKey(user.token(), "slow", slow.baseUrl());
      String request = request(agents);
      for (int round = 1; round <= rounds; round++) {
        long begin = System.nanoTime();
        JsonNode results =
            stack.call(user.token(), "POST", "/api/v1/agents/spawn-all", request).path("results");
        double wallMs = (System.nanoTime() - begin) / 1e6;
        long succeeded = 0;
        for (JsonNode result : results) {
          succeeded += "SUCCEEDED".equals(result.path("status").asText()) ? 1 : 0;
        }
        if (succeeded != agents) {
          throw new IllegalStateException(
              "round " + round + ": " + succeeded + " of " + agents + " agents succeeded");
        }
        figures.add(
            Figure.atMost(
                name(),
                agents
                    + " agents × 500 ms, round "
                    + round
                    + (round == 1 ? " (first after start)" : ""),
                wallMs,
                "ms",
                750));
      }
    }
    return figures;
  }

  private static String request(int n) {
    StringBuilder agents = new StringBuilder("{\"max_concurrency\":" + n + ",\"agents\":[");
    for (int i = 0; i < n; i++) {
      agents
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"a")
          .append(i)
          .append("\",\"prompt\":\"task ")
          .append(i)
          .append("\",\"model_name\":\"slow:m\"}");
    }
    return agents.append("]}").toString();
  }
}
