package dev.zoclone.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Deserializers that apply {@link TextRules} to every string of a request body: string fields, map
 * keys and the strings anywhere inside free-form JSON ({@link JsonNode}) fields.
 */
final class CheckedText {
  private CheckedText() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("zo-checked-text");
    module.addDeserializer(String.class, new Strings());
    module.addKeyDeserializer(String.class, new Keys());
    module.addDeserializer(JsonNode.class, new Nodes());
    return module;
  }

  static String checked(JsonParser parser, String text) throws RefusedTextException {
    String problem = text == null ? null : TextRules.problemIn(text);
    if (problem != null) {
      throw new RefusedTextException(parser, problem);
    }
    return text;
  }

  /** String fields. */
  private static final class Strings extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Strings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return checked(parser, StringDeserializer.instance.deserialize(parser, context));
    }
  }

  /** Map keys. */
  private static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
      return checked(context.getParser(), key);
    }
  }

  /** Free-form JSON: every text node and field name inside. */
  private static final class Nodes extends StdScalarDeserializer<JsonNode> {
    private static final long serialVersionUID = 1L;

    Nodes() {
      super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node =
          JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
      check(parser, node);
      return node;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
      return NullNode.getInstance(); // as Jackson's own JsonNode deserializer answers
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null; // a field left out stays null, as with Jackson's own JsonNode deserializer
    }

    private static void check(JsonParser parser, JsonNode node) throws RefusedTextException {
      if (node.isTextual()) {
        checked(parser, node.textValue());
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          checked(parser, field.getKey());
          check(parser, field.getValue());
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          check(parser, item);
        }
      }
    }
  }
}
