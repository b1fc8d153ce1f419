package dev.zoclone.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.pool.SubmitJobRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> fields(SubmitJobRequest request, JobLimits limits) {
    return JobRules.check(request, limits).stream().map(FieldError::field).toList();
  }

  private static SubmitJobRequest job(String kind, Map<String, Object> payload) {
    ObjectNode node = payload == null ? null : JSON.valueToTree(payload);
    return new SubmitJobRequest(kind, node, null, null, null, null, null);
  }

  @Test
  void aJobKeepingEveryRuleHasNoErrors() {
    assertThat(JobRules.check(job("shell", Map.of("command", "date")), JobLimits.DEFAULTS))
        .isEmpty();
    assertThat(
            JobRules.check(
                job("http", Map.of("method", "POST", "url", "https://example.org/x")),
                JobLimits.DEFAULTS))
        .isEmpty();
  }

  @Test
  void anUnknownKindListsTheKinds() {
    assertThat(JobRules.check(job("python", Map.of()), JobLimits.DEFAULTS))
        .containsExactly(new FieldError("kind", "must be one of shell, http, agent, skill"));
  }

  @Test
  void eachKindNamesItsMissingOrWrongPayloadFields() {
    assertThat(fields(job("shell", Map.of("args", List.of(1), "shell", "yes")), JobLimits.DEFAULTS))
        .containsExactly("payload.command", "payload.args", "payload.shell");
    assertThat(fields(job("http", Map.of("method", "FETCH", "url", "ftp://x")), JobLimits.DEFAULTS))
        .containsExactly("payload.method", "payload.url");
    assertThat(fields(job("agent", Map.of()), JobLimits.DEFAULTS))
        .containsExactly("payload.prompt");
    assertThat(fields(job("skill", Map.of("skill", " ")), JobLimits.DEFAULTS))
        .containsExactly("payload.skill");
    assertThat(fields(job("shell", null), JobLimits.DEFAULTS)).containsExactly("payload");
  }

  @Test
  void numbersAreBoundedByTheLimitsGiven() {
    SubmitJobRequest request =
        new SubmitJobRequest(
            "agent", JSON.valueToTree(Map.of("prompt", "hi")), -11, null, "", 11, 0);
    assertThat(fields(request, new JobLimits(10, 10, 60)))
        .containsExactly("priority", "max_attempts", "timeout_s", "idempotency_key");
    assertThat(fields(request, new JobLimits(11, 11, 60)))
        .containsExactly("timeout_s", "idempotency_key");
  }
}
