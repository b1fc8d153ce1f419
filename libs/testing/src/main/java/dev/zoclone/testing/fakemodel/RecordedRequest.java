package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a fake model server received: method, path, headers (names case-insensitive), raw
 * body, the body parsed as JSON (a missing node when it is not JSON), and when it arrived.
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> headers,
    String body,
    JsonNode json,
    Instant receivedAt) {

  public RecordedRequest {
    TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(caseInsensitive);
  }

  /** The first value of header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    return headers.getOrDefault(name, List.of()).stream().findFirst();
  }

  /** The {@code model} the client named in the body, or empty. */
  public Optional<String> model() {
    JsonNode model = json.path("model");
    return model.isTextual() ? Optional.of(model.asText()) : Optional.empty();
  }
}
