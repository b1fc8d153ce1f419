package dev.zoclone.agents.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The warm-up at start leaves no model among the users' models, reads its canned answer, and holds
 * the replica's readiness until it has ended.
 */
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
  void theReplicaIsReadyOnlyOnceItHasWarmedUp() {
    RunWarmUp warmUp =
        new RunWarmUp(statuses, skills, new ChatModelFactory(config, egress), asks, tools);
    WarmUpCheck check = new WarmUpCheck(warmUp, config);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

    warmUp.warm();

    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void theServiceReportsItsWarmUpAmongItsReadinessChecks() {
    // The service's own warm-up runs in the background from its start.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body(
                        "checks.find { it.name == 'run-warm-up' }.data.'warmed-up'",
                        equalTo(true)));
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
