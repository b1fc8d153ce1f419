package dev.zoclone.agents.runs;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.zoclone.agents.ask.AskService;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.keys.ResolvedKey;
import dev.zoclone.agents.models.ChatModelFactory;
import dev.zoclone.agents.models.Provider;
import dev.zoclone.agents.repository.RunStatusWriter;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.ToolRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;

/**
 * Takes the first-use costs of a run off the first spawn after a start: in the background once the
 * service has started, it goes once through what every run does, with nothing to find. It marks a
 * run that does not exist running and ended (the status writer's statements and transaction), asks
 * the skills service for a user's skills (its REST client), starts a run of a user without keys
 * (the ask's beans and its settings and key lookups), sends one chat to a closed local port (the
 * provider client and the request's JSON, an agent's tools included) and reads one canned answer
 * (the answer's JSON). Its models are built for the warm-up and not kept. Measured in a spawn-all
 * started just after the service: each agent waited ~0.7 s for the first model to be built and ~1 s
 * for the first skills call; then ~0.13 s for the ask's beans and ~0.1 s for the answer's JSON
 * mapping. The replica reports ready only once it has warmed up ({@link WarmUpCheck}), so the first
 * spawn does not share the cores with the warm-up.
 */
@ApplicationScoped
public class RunWarmUp {
  /** Nothing listens there: the chat fails at once, after its request was built and sent for. */
  static final String CLOSED_PORT_URL = "http://127.0.0.1:9/v1";

  private final RunStatusWriter statuses;
  private final SkillsClient skills;
  private final ChatModelFactory models;
  private final AskService asks;
  private final ToolRegistry tools;
  private volatile boolean done;

  public RunWarmUp(
      RunStatusWriter statuses,
      SkillsClient skills,
      ChatModelFactory models,
      AskService asks,
      ToolRegistry tools) {
    this.statuses = statuses;
    this.skills = skills;
    this.models = models;
    this.asks = asks;
    this.tools = tools;
  }

  void onStart(@Observes StartupEvent event) {
    Thread warming = new Thread(this::warm, "agents-warm-up");
    warming.setDaemon(true);
    warming.start();
  }

  /** Whether the warm-up has ended, each step done or failed. */
  public boolean done() {
    return done;
  }

  /** Each step on its own: one that fails (a skills service down) leaves the others to run. */
  void warm() {
    try {
      warmEachStep();
    } finally {
      done = true;
    }
  }

  private void warmEachStep() {
    long start = System.nanoTime();
    String nobody = "warm-up-" + UUID.randomUUID();
    step(
        "run statuses",
        () -> {
          String run = UUID.randomUUID().toString();
          statuses.markRunning(run);
          statuses.finish(run, "CANCELLED", null, null);
        });
    step("skills", () -> skills.list(nobody));
    // Refused for want of a key, after the settings and keys were looked up.
    step("ask", () -> asks.runOnce(nobody, "warm-up", "warm-up:warm-up", List.of()));
    ResolvedKey placeholder =
        new ResolvedKey(nobody, "warm-up", Provider.OPENAI, CLOSED_PORT_URL, "none", null);
    // An agent's tools go with the chat, as they do with a run's.
    List<ToolSpecification> specifications =
        tools.forAgent(null).stream().map(Tool::specification).toList();
    step(
        "model call",
        () ->
            chat(
                models.unkeptChatModel(placeholder, "warm-up", models.providerHttp()),
                specifications));
    step(
        "model answer",
        () ->
            chat(
                models.unkeptChatModel(placeholder, "warm-up", new CannedChatAnswer.Builder()),
                specifications));
    Log.debugf("agent runs warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
  }

  private static void chat(ChatModel model, List<ToolSpecification> specifications) {
    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("warm-up"))
            .toolSpecifications(specifications)
            .build());
  }

  private static void step(String name, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // Expected for the ask and the model call (nothing listens), and whenever a service is away.
      Log.debugf("warm-up of %s ended with %s", name, e.toString());
    }
  }
}
