package dev.zoclone.cli.gateway;

import java.util.ArrayList;
import java.util.List;

/** Splits the lines of a {@code text/event-stream} into events (name and joined data lines). */
final class SseParser {
  private final GatewayClient.SseListener listener;
  private String event;
  private final List<String> data = new ArrayList<>();

  SseParser(GatewayClient.SseListener listener) {
    this.listener = listener;
  }

  /** Takes one line of the stream, without its line ending; a blank line ends an event. */
  void line(String line) {
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith(":")) {
      return; // a comment, such as a keep-alive
    } else {
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        event = value;
      } else if (field.equals("data")) {
        data.add(value);
      }
    }
  }

  /** The stream ended: an event not yet closed by a blank line is still delivered. */
  void end() {
    dispatch();
  }

  private void dispatch() {
    if (!data.isEmpty() || event != null) {
      listener.onEvent(event == null ? "message" : event, String.join("\n", data));
    }
    event = null;
    data.clear();
  }
}
