package dev.zoclone.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.zoclone.agents.ask.AskService;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.ResolvedKey;
import dev.zoclone.agents.models.ChatModelFactory;
import dev.zoclone.agents.models.Provider;
import dev.zoclone.agents.repository.RunStatusWriter;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.tool.ToolRegistry;
import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The warm-up at start leaves no model among the users' models, and reads its canned answer. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class RunWarmUpTest {
  @Inject RunStatusWriter statuses;
  @Inject SkillsClient skills;
  @Inject AskService asks;
  @Inject AgentsConfig config;
  @Inject EgressPolicy egress;
  @Inject ToolRegistry tools;

  @Test
  void theWarmUpKeepsNoModel() {
    ChatModelFactory models = new ChatModelFactory(config, egress);
    new RunWarmUp(statuses, skills, models, asks, tools).warm();
    assertThat(models.size()).isZero();
  }

  @Test
  void theCannedAnswerReadsAsAProviderAnswer() {
    ChatModelFactory models = new ChatModelFactory(config, egress);
    ResolvedKey placeholder =
        new ResolvedKey(
            "nobody", "warm-up", Provider.OPENAI, RunWarmUp.CLOSED_PORT_URL, "none", null);
    String text =
        models
            .unkeptChatModel(placeholder, "warm-up", new CannedChatAnswer.Builder())
            .chat(ChatRequest.builder().messages(UserMessage.from("warm-up")).build())
            .aiMessage()
            .text();
    assertThat(text).isEqualTo("warm");
    assertThat(models.size()).isZero();
  }
}
