package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fake OpenAI server over real HTTP: {@code POST /v1/chat/completions} answers from the scripted
 * replies, {@code GET /v1/models} lists a few models, and {@code POST /v1/embeddings} returns
 * vectors that depend only on the input text.
 *
 * <p>Point an OpenAI client at {@code baseUrl() + "/v1"}.
 */
public final class FakeOpenAiServer extends FakeModelServer {

  private static final List<String> MODELS =
      List.of("gpt-4o-mini", "gpt-4o", "text-embedding-3-small");

  private volatile int embeddingDimensions = 1536;

  /** Starts listening on 127.0.0.1 and an ephemeral port. */
  public FakeOpenAiServer() {
    super(new OpenAiWireFormat());
    on("POST", "/v1/chat/completions", this::answerFromScript);
    on("GET", "/v1/models", this::listModels);
    on("POST", "/v1/embeddings", this::embed);
  }

  /** Sets the vector length when a request names no {@code dimensions}; 1536 until set. */
  public FakeOpenAiServer embeddingDimensions(int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be positive, not " + dimensions);
    }
    embeddingDimensions = dimensions;
    return this;
  }

  @Override
  public FakeOpenAiServer enqueue(Reply... replies) {
    super.enqueue(replies);
    return this;
  }

  @Override
  public FakeOpenAiServer setDefault(Reply reply) {
    super.setDefault(reply);
    return this;
  }

  private void listModels(RecordedRequest request, ResponseWriter out) throws IOException {
    ObjectNode body = Json.object().put("object", "list");
    ArrayNode data = body.putArray("data");
    for (String model : MODELS) {
      data.addObject()
          .put("id", model)
          .put("object", "model")
          .put("created", 1_700_000_000L)
          .put("owned_by", "zoclone-fake");
    }
    out.json(200, body, Map.of());
  }

  private void embed(RecordedRequest request, ResponseWriter out) throws IOException {
    JsonNode json = request.json();
    List<String> inputs = new ArrayList<>();
    JsonNode input = json.path("input");
    if (input.isArray()) {
      input.forEach(item -> inputs.add(item.isTextual() ? item.asText() : item.toString()));
    } else {
      inputs.add(input.asText());
    }
    int dimensions = json.path("dimensions").asInt(embeddingDimensions);
    boolean base64 = "base64".equals(json.path("encoding_format").asText());
    ObjectNode body = Json.object().put("object", "list");
    ArrayNode data = body.putArray("data");
    int characters = 0;
    for (int index = 0; index < inputs.size(); index++) {
      float[] vector = EmbeddingVectors.of(inputs.get(index), dimensions);
      ObjectNode item = data.addObject().put("object", "embedding").put("index", index);
      if (base64) {
        item.put("embedding", EmbeddingVectors.base64(vector));
      } else {
        ArrayNode numbers = item.putArray("embedding");
        for (float value : vector) {
          numbers.add(value);
        }
      }
      characters += inputs.get(index).length();
    }
    body.put("model", request.model().orElse("text-embedding-3-small"));
    int tokens = Math.max(1, (characters + 3) / 4);
    body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    out.json(200, body, Map.of());
  }
}
