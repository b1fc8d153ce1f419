package dev.zoclone.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.e2e.fuzz.RouteCatalog.Route;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds one hostile request for a route from a seed: a body shaped by the route's schema and then
 * broken one way (malformed JSON, a wrong type, a missing or extra field, a huge string or array,
 * deep nesting, NUL, a lone surrogate, a negative or huge number), an unknown or odd path id, or an
 * odd query value. The same route and seed always give the same request.
 */
final class BadRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LONE_SURROGATE = "\"\\ud800x\"";
  private static final String[] MALFORMED = {
    "", "{", "}", "{\"a\":}", "[1,]", "{\"a\" 1}", "nul", "\"unterminated", "{\"a\":1}}x", "\u0000"
  };
  private static final String[] ODD_IDS = {
    "00000000-0000-0000-0000-000000000000",
    "no-such-thing",
    "%ZZ",
    "%00",
    "%F0%9F%98%80",
    "x".repeat(5000),
    "..%2F..%2Fetc",
    "-1",
    "%20",
    "a%2Fb"
  };
  private static final String[] ODD_QUERY_VALUES = {
    "-1", "0", "abc", "99999999999999999999", "%00", "%ZZ", "1.5", "", "%E2%80%8B", "x".repeat(3000)
  };

  /** A request to send: method, raw path with query, JSON body (null for none), and what it is. */
  record Request(String method, String rawPath, String body, String what) {}

  private BadRequests() {}

  static Request build(Route route, long seed) {
    Random random = new Random(seed);
    String path = fillPath(route.path(), random);
    if (route.bodySchema() == null) {
      return queryCase(route, path, random);
    }
    JsonNode valid = sample(route.bodySchema(), route.components(), random, 0);
    int kind = random.nextInt(12);
    return switch (kind) {
      case 0 -> body(route, path, MALFORMED[random.nextInt(MALFORMED.length)], "malformed JSON");
      case 1 -> mutateField(route, path, valid, random, "wrong type", BadRequests::wrongType);
      case 2 -> missingField(route, path, valid, random);
      case 3 -> extraField(route, path, valid, random);
      case 4 ->
          mutateField(
              route,
              path,
              valid,
              random,
              "huge string",
              (r, v) -> NODES.textNode("h".repeat(1 << 20)));
      case 5 -> mutateField(route, path, valid, random, "huge array", (r, v) -> hugeArray());
      case 6 -> deepNesting(route, path, valid, random);
      case 7 ->
          mutateField(route, path, valid, random, "NUL", (r, v) -> NODES.textNode("a\u0000b"));
      case 8 -> loneSurrogate(route, path, valid, random);
      case 9 -> mutateField(route, path, valid, random, "odd number", BadRequests::oddNumber);
      case 10 -> body(route, path, hugeNumberBody(valid, random), "number out of range");
      default -> body(route, path, write(valid), "schema-shaped body, odd path");
    };
  }

  private static Request queryCase(Route route, String path, Random random) {
    if (route.queryParameters().isEmpty() || random.nextBoolean()) {
      return new Request(route.method(), path, null, "odd path id");
    }
    List<String> names = new ArrayList<>(route.queryParameters().keySet());
    String name = names.get(random.nextInt(names.size()));
    String value = ODD_QUERY_VALUES[random.nextInt(ODD_QUERY_VALUES.length)];
    return new Request(route.method(), path + "?" + name + "=" + value, null, "odd " + name);
  }

  private static String fillPath(String template, Random random) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      out.append(
          random.nextInt(3) == 0
              ? ODD_IDS[random.nextInt(ODD_IDS.length)]
              : "fuzz-" + Long.toHexString(random.nextLong()));
      i = close + 1;
    }
    return out.toString();
  }

  private static Request body(Route route, String path, String body, String what) {
    return new Request(route.method(), path, body, what);
  }

  private interface Mutation {
    JsonNode apply(Random random, JsonNode value);
  }

  private static Request mutateField(
      Route route, String path, JsonNode valid, Random random, String what, Mutation mutation) {
    if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
      return body(route, path, write(mutation.apply(random, valid)), what + " as the body");
    }
    String field = pickField(object, random);
    ObjectNode copy = object.deepCopy();
    copy.set(field, mutation.apply(random, object.get(field)));
    return body(route, path, write(copy), what + " in " + field);
  }

  private static Request missingField(Route route, String path, JsonNode valid, Random random) {
    if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
      return body(route, path, "{}", "empty object");
    }
    String field = pickField(object, random);
    ObjectNode copy = object.deepCopy();
    copy.remove(field);
    return body(route, path, write(copy), "missing " + field);
  }

  private static Request extraField(Route route, String path, JsonNode valid, Random random) {
    ObjectNode copy = valid instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
    copy.set("zz_extra_" + random.nextInt(100), wrongType(random, NODES.nullNode()));
    return body(route, path, write(copy), "extra field");
  }

  private static Request deepNesting(Route route, String path, JsonNode valid, Random random) {
    int depth = 2000 + random.nextInt(8000);
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String base = write(valid);
    if (valid instanceof ObjectNode object && !object.isEmpty()) {
      String field = pickField(object, random);
      ObjectNode copy = object.deepCopy();
      copy.put(field, "NESTED");
      base = write(copy).replace("\"NESTED\"", nested);
      return body(route, path, base, "nesting " + depth + " deep in " + field);
    }
    return body(route, path, nested, "nesting " + depth + " deep");
  }

  private static Request loneSurrogate(Route route, String path, JsonNode valid, Random random) {
    if (valid instanceof ObjectNode object && !object.isEmpty()) {
      String field = pickField(object, random);
      ObjectNode copy = object.deepCopy();
      copy.put(field, "SURROGATE");
      return body(
          route,
          path,
          write(copy).replace("\"SURROGATE\"", LONE_SURROGATE),
          "lone surrogate in " + field);
    }
    return body(route, path, LONE_SURROGATE, "lone surrogate as the body");
  }

  private static String hugeNumberBody(JsonNode valid, Random random) {
    String[] numbers = {"1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809"};
    String number = numbers[random.nextInt(numbers.length)];
    if (valid instanceof ObjectNode object && !object.isEmpty()) {
      String field = pickField(object, random);
      ObjectNode copy = object.deepCopy();
      copy.put(field, "NUMBER");
      return write(copy).replace("\"NUMBER\"", number);
    }
    return number;
  }

  private static JsonNode oddNumber(Random random, JsonNode value) {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.numberNode(-1);
      case 1 -> NODES.numberNode(Long.MIN_VALUE);
      case 2 -> NODES.numberNode(Long.MAX_VALUE);
      case 3 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
      case 4 -> NODES.numberNode(1.5);
      default -> NODES.numberNode(0);
    };
  }

  private static JsonNode wrongType(Random random, JsonNode value) {
    List<JsonNode> options =
        new ArrayList<>(
            List.of(
                NODES.textNode("text"),
                NODES.numberNode(7),
                NODES.booleanNode(true),
                NODES.nullNode(),
                NODES.arrayNode().add(1),
                NODES.objectNode().put("k", "v")));
    options.removeIf(option -> value != null && option.getNodeType() == value.getNodeType());
    return options.get(random.nextInt(options.size()));
  }

  private static ArrayNode hugeArray() {
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < 200_000; i++) {
      array.add(i);
    }
    return array;
  }

  private static String pickField(ObjectNode object, Random random) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.get(random.nextInt(names.size()));
  }

  /** A value that fits {@code schema}, as far as the schema says. */
  static JsonNode sample(JsonNode schema, JsonNode components, Random random, int depth) {
    if (depth > 6 || schema == null || schema.isMissingNode()) {
      return NODES.textNode("x");
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
      return sample(components.path(name), components, random, depth + 1);
    }
    for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.has(combiner) && schema.get(combiner).size() > 0) {
        return sample(schema.get(combiner).get(0), components, random, depth + 1);
      }
    }
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
    }
    String type = schema.path("type").asText("object");
    return switch (type) {
      case "string" -> NODES.textNode(sampleString(schema));
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "array" ->
          NODES.arrayNode().add(sample(schema.path("items"), components, random, depth + 1));
      default -> sampleObject(schema, components, random, depth);
    };
  }

  private static String sampleString(JsonNode schema) {
    return switch (schema.path("format").asText("")) {
      case "date-time" -> "2026-01-01T09:00:00Z";
      case "date" -> "2026-01-01";
      default -> "fuzz";
    };
  }

  private static JsonNode sampleObject(
      JsonNode schema, JsonNode components, Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      object.set(property.getKey(), sample(property.getValue(), components, random, depth + 1));
    }
    if (object.isEmpty() && schema.path("additionalProperties").isObject()) {
      object.set("k", sample(schema.get("additionalProperties"), components, random, depth + 1));
    }
    return object;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
