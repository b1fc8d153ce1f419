package dev.zoclone.testing.fakemodel;

/**
 * A fake Anthropic server over real HTTP: {@code POST /v1/messages} answers from the scripted
 * replies in the Messages API's shapes, streamed with its named server-sent events on request.
 *
 * <p>Point an Anthropic client at {@code baseUrl() + "/v1"}.
 */
public final class FakeAnthropicServer extends FakeModelServer {

  /** Starts listening on 127.0.0.1 and an ephemeral port. */
  public FakeAnthropicServer() {
    super(new AnthropicWireFormat());
    on("POST", "/v1/messages", this::answerFromScript);
  }

  @Override
  public FakeAnthropicServer enqueue(Reply... replies) {
    super.enqueue(replies);
    return this;
  }

  @Override
  public FakeAnthropicServer setDefault(Reply reply) {
    super.setDefault(reply);
    return this;
  }
}
