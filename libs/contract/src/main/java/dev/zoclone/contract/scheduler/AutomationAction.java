package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What an automation does when it fires.
 *
 * @param type {@code ask} (an agent request), {@code job} (a compute-pool job), {@code webhook} (an
 *     HTTP POST) or {@code kafka} (a record on a named topic)
 * @param prompt for {@code ask}: the message to the agent
 * @param topic for {@code kafka}: the topic to publish to
 * @param url for {@code webhook}: the http(s) URL to POST to
 * @param secret for {@code webhook}: the HMAC-SHA256 key of the signature header; never returned
 * @param payload for {@code job}: the job body ({@code kind}, {@code payload}, ...); for {@code
 *     kafka}, {@code webhook} and {@code ask}: extra data carried with the event
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutomationAction(
    String type, String prompt, String topic, String url, String secret, JsonNode payload) {

  /** The same action without its secret, as it is shown back to users. */
  public AutomationAction withoutSecret() {
    return new AutomationAction(type, prompt, topic, url, null, payload);
  }
}
