package dev.zoclone.agents.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes named server-sent events to a response stream, flushing each so it leaves at once. */
final class SseWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** Sends one event named {@code name} (null for an unnamed event) with {@code data} as JSON. */
  synchronized void send(String name, Object data) {
    try {
      String json = data instanceof String s ? s : JSON.writeValueAsString(data);
      StringBuilder frame = new StringBuilder();
      if (name != null) {
        frame.append("event: ").append(name).append('\n');
      }
      frame.append("data: ").append(json).append("\n\n");
      out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException | IllegalStateException e) {
      throw new ClientGone(e);
    }
  }

  /** The client closed the stream: nothing more can reach it. */
  static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone(Exception cause) {
      super("the client went away", cause);
    }
  }
}
