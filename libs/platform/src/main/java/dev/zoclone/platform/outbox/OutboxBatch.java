package dev.zoclone.platform.outbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.zoclone.platform.events.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a batch row (see {@link Outbox}): written once per transaction, and split by the
 * relay without building a tree: each event's JSON is cut out of the payload as written, so the
 * relay neither parses nor re-serializes the envelopes.
 */
final class OutboxBatch {
  /** One event of a batch: its record key (may be null), its id and its envelope's JSON. */
  record Item(String key, String id, String event) {}

  private OutboxBatch() {}

  /** The payload of {@code events}: a JSON array of {@code {"key", "id", "event"}}, in order. */
  static String write(List<Outbox.KeyedEvent> events) {
    StringBuilder batch = new StringBuilder(events.size() * 512).append('[');
    for (Outbox.KeyedEvent keyed : events) {
      if (batch.length() > 1) {
        batch.append(',');
      }
      batch
          .append("{\"key\":")
          .append(quoted(keyed.key()))
          .append(",\"id\":")
          .append(quoted(keyed.event().id()))
          .append(",\"event\":")
          .append(EventJson.write(keyed.event()))
          .append('}');
    }
    return batch.append(']').toString();
  }

  private static String quoted(String text) {
    try {
      return EventJson.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("text cannot be serialized", e);
    }
  }

  /** The batch's items in order; an {@link IllegalArgumentException} when it is not a batch. */
  static List<Item> items(String payload) throws IOException {
    List<Item> items = new ArrayList<>();
    try (JsonParser parser = EventJson.mapper().getFactory().createParser(payload)) {
      require(parser.nextToken() == JsonToken.START_ARRAY, items);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        items.add(item(parser, payload, items));
      }
      require(parser.currentToken() == JsonToken.END_ARRAY, items);
    }
    return items;
  }

  private static Item item(JsonParser parser, String payload, List<Item> before)
      throws IOException {
    String key = null;
    String id = null;
    String event = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("key".equals(field) && value == JsonToken.VALUE_STRING) {
        key = parser.getText();
      } else if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
        id = parser.getText();
      } else if ("event".equals(field) && value == JsonToken.START_OBJECT) {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        event = payload.substring(start, (int) parser.currentLocation().getCharOffset());
      } else {
        parser.skipChildren();
      }
    }
    require(id != null && event != null, before);
    return new Item(key, id, event);
  }

  private static void require(boolean condition, List<Item> before) {
    if (!condition) {
      throw new IllegalArgumentException(
          "item " + before.size() + " of the batch is not {\"key\", \"id\", \"event\"}");
    }
  }
}
