package dev.zoclone.agents.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;

/**
 * The server-sent event stream that answers one MCP POST: progress notifications, then the
 * response, then the end. The request's thread waits on {@link #awaitClosed()} while the SDK's
 * session writes to it; a write that fails (the client left) closes it.
 */
final class SseTransport implements McpStreamableServerTransport {
  private final OutputStream out;
  private final McpJsonMapper mapper;
  private final CountDownLatch closed = new CountDownLatch(1);

  SseTransport(OutputStream out, McpJsonMapper mapper) {
    this.out = out;
    this.mapper = mapper;
  }

  /**
   * Sends a comment line at once, so that the response's headers leave before a long tool ends (the
   * gateway waits a bounded time for them); clients ignore comments.
   */
  void open() throws IOException {
    out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return sendMessage(message, null);
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
    return Mono.fromRunnable(() -> write(message, messageId));
  }

  private synchronized void write(McpSchema.JSONRPCMessage message, String messageId) {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      StringBuilder event = new StringBuilder();
      if (messageId != null) {
        event.append("id: ").append(messageId).append('\n');
      }
      event
          .append("event: message\ndata: ")
          .append(mapper.writeValueAsString(message))
          .append("\n\n");
      out.write(event.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | IllegalStateException e) {
      close();
    }
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return mapper.convertValue(data, typeRef);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public void close() {
    closed.countDown();
  }

  /** Waits until the response was sent, the call was cancelled or the client left. */
  void awaitClosed() throws InterruptedException {
    closed.await();
  }
}
