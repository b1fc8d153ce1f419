package dev.zoclone.bench.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Load;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import dev.zoclone.testing.bench.PlainHttp;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The ask path as a user meets it: {@code POST /api/v1/ask} through the gateway (auth, agents,
 * memory's context with the query embedded and recalled, the model, the turn stored) against a fake
 * OpenAI-compatible model that answers at once, compared with the same chat request sent straight
 * to the fake. Measures the time the platform adds at concurrency 1 (new and same conversation),
 * asks per second at concurrency 16, the CPU per ask of each service in that window (in all, and
 * without memory's embedding model and the JIT compilers), and how long a turn takes to become
 * recallable.
 *
 * <p>Sizes: {@code bench.ask.sequential} (200 asks per conversation kind), {@code
 * bench.ask.concurrent} (2000), {@code bench.ask.concurrency} (16).
 */
public final class AskBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SERVICES = {"gateway", "agents", "memory"};

  @Override
  public String name() {
    return "ask";
  }

  @Override
  public List<Figure> run() throws Exception {
    int sequential = size("sequential", 200);
    int concurrent = size("concurrent", 2000);
    int concurrency = size("concurrency", 16);
    List<Figure> figures = new ArrayList<>();
    try (FakeOpenAiServer model = new FakeOpenAiServer().setDefault(Reply.text("ok"));
        LocalPlatform platform = Stack.platform("agents", "memory").start()) {
      Stack stack = new Stack(platform);
      User user = platform.newUser("ask-bench");
      stack.putKey(user.token(), "fast", model.baseUrl());
      PlainHttp direct =
          new PlainHttp(
              URI.create(model.baseUrl()), "Authorization: Bearer sk-bench-0123456789\r\n");
      String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      PlainHttp gateway = stack.client(user.token());

      Load.Operation straight = i -> expectOk(direct.post("/v1/chat/completions", chat));
      Load.Operation newConversation =
          i -> expectOk(gateway.post("/api/v1/ask", ask("what is on my list today " + i, null)));
      String conversation =
          JSON.readTree(expectOk(gateway.post("/api/v1/ask", ask("remember the milk", null))))
              .path("conversation_id")
              .asText();
      Load.Operation sameConversation =
          i -> expectOk(gateway.post("/api/v1/ask", ask("and what else " + i, conversation)));

      Load.run(sequential / 2, 1, straight);
      Load.run(sequential / 2, 1, newConversation);
      Load.Result model1 = Load.run(sequential, 1, straight);
      Load.Result fresh = Load.run(sequential, 1, newConversation);
      Load.Result same = Load.run(sequential, 1, sameConversation);
      figures.add(
          Figure.atMost(
              name(),
              "added by the platform, new conversation, concurrency 1, p50",
              fresh.latencies().p50() - model1.latencies().p50(),
              "ms",
              10));
      figures.add(
          Figure.atMost(
              name(),
              "added by the platform, same conversation ("
                  + sequential
                  + " turns), concurrency 1, p50",
              same.latencies().p50() - model1.latencies().p50(),
              "ms",
              10));

      ServiceCpu before = ServiceCpu.read(platform, SERVICES);
      Load.Result busy = Load.run(concurrent, concurrency, newConversation);
      ServiceCpu after = ServiceCpu.read(platform, SERVICES);
      figures.add(
          Figure.atLeast(
              name(), "asks/s at concurrency " + concurrency, busy.perSecond(), "/s", 100));
      figures.add(
          Figure.of(
              name(),
              "ask at concurrency "
                  + concurrency
                  + ", p50 / p95 "
                  + Figure.format(busy.latencies().p95())
                  + " ms",
              busy.latencies().p50(),
              "ms"));
      figures.addAll(cpuPerAsk(before, after, concurrent));
      figures.add(recallLag(stack, gateway, user));
    }
    return figures;
  }

  /**
   * The CPU per ask of the concurrent window, per service and in all: as the processes used it, and
   * without the embedding model's inference and the JIT compilers' work.
   */
  private List<Figure> cpuPerAsk(ServiceCpu before, ServiceCpu after, int asks) {
    List<Figure> figures = new ArrayList<>();
    double embedding = after.embedding(before) / asks;
    double total = 0;
    double compilation = 0;
    for (String service : SERVICES) {
      double perAsk = after.total(service, before) / asks;
      double compiled = after.compilation(service, before) / asks;
      double own = perAsk - compiled - (service.equals("memory") ? embedding : 0);
      total += perAsk;
      compilation += compiled;
      figures.add(
          Figure.of(
              name(),
              "CPU per ask, "
                  + service
                  + " (JIT"
                  + (service.equals("memory") ? ", embedding" : "")
                  + " included / JIT "
                  + Figure.format(compiled)
                  + " ms)",
              perAsk,
              "ms"));
      figures.add(
          service.equals("gateway")
              ? Figure.atMost(name(), "CPU per ask, gateway, JIT excluded", own, "ms", 0.5)
              : Figure.of(
                  name(), "CPU per ask, " + service + ", embedding and JIT excluded", own, "ms"));
    }
    figures.add(Figure.of(name(), "CPU per ask, memory's embedding model", embedding, "ms"));
    figures.add(
        Figure.of(name(), "CPU per ask, all services (embedding, JIT included)", total, "ms"));
    figures.add(
        Figure.atMost(
            name(), "CPU per ask, all services, embedding excluded", total - embedding, "ms", 3));
    figures.add(
        Figure.of(
            name(),
            "CPU per ask, all services, embedding and JIT excluded",
            total - embedding - compilation,
            "ms"));
    return figures;
  }

  /**
   * Asks once with a word no other turn has, then polls recall until memory finds it: the time that
   * took, or a missed target when it took over a minute (the figures before it still count).
   */
  private Figure recallLag(Stack stack, PlainHttp gateway, User user) throws Exception {
    String what = "a turn recallable after its answer";
    String marker = "quokka" + Long.toString(System.nanoTime(), 36);
    expectOk(gateway.post("/api/v1/ask", ask("my favourite animal is the " + marker, null)));
    long answered = System.nanoTime();
    while (System.nanoTime() - answered < 60_000_000_000L) {
      String found =
          stack
              .call(
                  user.token(),
                  "POST",
                  "/api/v1/memories/recall",
                  "{\"query\":\"" + marker + "\",\"top_k\":3}")
              .toString();
      if (found.contains(marker)) {
        return Figure.atMost(name(), what, (System.nanoTime() - answered) / 1e6, "ms", 1000);
      }
      Thread.sleep(10);
    }
    return new Figure(name(), what + " (not within 60 s)", 60_000, "ms", "≤ 1,000 ms", false);
  }

  private static String ask(String input, String conversation) {
    return "{\"input\":\""
        + input
        + "\",\"model_name\":\"fast:m\""
        + (conversation == null ? "" : ",\"conversation_id\":\"" + conversation + "\"")
        + "}";
  }

  static String expectOk(PlainHttp.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException("answered " + response.status() + ": " + response.body());
    }
    return response.body();
  }
}
