package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;

/** One server-sent event: an optional event name and one line of data. */
record SseEvent(String name, String data) {

  static SseEvent data(JsonNode data) {
    return new SseEvent(null, Json.write(data));
  }

  static SseEvent named(String name, JsonNode data) {
    return new SseEvent(name, Json.write(data));
  }

  String wireText() {
    String event = name == null ? "" : "event: " + name + "\n";
    return event + "data: " + data + "\n\n";
  }
}
