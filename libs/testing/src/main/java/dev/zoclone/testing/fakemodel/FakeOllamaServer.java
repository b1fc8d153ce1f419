package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A fake Ollama server over real HTTP: {@code POST /api/chat} answers from the scripted replies in
 * Ollama's shapes (newline-delimited JSON chunks when streaming, which Ollama does unless the
 * request says {@code "stream": false}), and {@code GET /api/tags} lists a few models.
 *
 * <p>Point an Ollama client at {@code baseUrl()} (no {@code /v1}).
 */
public final class FakeOllamaServer extends FakeModelServer {

  private static final List<String> MODELS = List.of("llama3.2", "llama3.2:1b", "qwen2.5");

  /** Starts listening on 127.0.0.1 and an ephemeral port. */
  public FakeOllamaServer() {
    super(new OllamaWireFormat());
    on("POST", "/api/chat", this::answerFromScript);
    on("GET", "/api/tags", this::listModels);
  }

  @Override
  public FakeOllamaServer enqueue(Reply... replies) {
    super.enqueue(replies);
    return this;
  }

  @Override
  public FakeOllamaServer setDefault(Reply reply) {
    super.setDefault(reply);
    return this;
  }

  private void listModels(RecordedRequest request, ResponseWriter out) throws IOException {
    ObjectNode body = Json.object();
    ArrayNode models = body.putArray("models");
    for (String model : MODELS) {
      models
          .addObject()
          .put("name", model)
          .put("model", model)
          .put("modified_at", "2026-01-01T00:00:00Z")
          .put("size", 1_000_000L)
          .put("digest", "fake");
    }
    out.json(200, body, Map.of());
  }
}
