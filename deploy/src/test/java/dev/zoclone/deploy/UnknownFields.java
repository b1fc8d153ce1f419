package dev.zoclone.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed parsing of Kubernetes manifests with fabric8's model, and the check that it found a home
 * for every field.
 *
 * <p>fabric8's model classes accept any field: what they do not know goes into {@code
 * additionalProperties} ({@code @JsonAnySetter}), so a typo such as {@code readinesProbe} parses
 * without error and Kubernetes would silently ignore it. {@link #find} walks every nested model
 * object by reflection and reports each such field with its path.
 */
final class UnknownFields {

  static final ObjectMapper JSON = new ObjectMapper();

  private UnknownFields() {}

  /** Deserializes one manifest into its typed fabric8 class (chosen by apiVersion and kind). */
  static KubernetesResource parse(JsonNode manifest) {
    try {
      return JSON.treeToValue(manifest, KubernetesResource.class);
    } catch (Exception e) {
      throw new AssertionError("cannot parse manifest into the fabric8 model: " + manifest, e);
    }
  }

  /** The paths of every field of {@code root} (at any depth) that the typed model does not know. */
  static List<String> find(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
    if (value == null || isLeaf(value.getClass()) || !seen.add(value)) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        walk(Array.get(value, i), path + "[" + i + "]", found, seen);
      }
    } else if (value.getClass().getName().startsWith("io.fabric8.")) {
      for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
            continue;
          }
          Object fieldValue = read(field, value);
          if (field.getName().equals("additionalProperties")) {
            if (fieldValue instanceof Map<?, ?> extra) {
              extra.keySet().forEach(k -> found.add(path + "." + k));
            }
          } else {
            walk(fieldValue, path + "." + field.getName(), found, seen);
          }
        }
      }
    }
  }

  private static boolean isLeaf(Class<?> type) {
    return type.isPrimitive()
        || type.isEnum()
        || type == String.class
        || type == Boolean.class
        || type == Character.class
        || Number.class.isAssignableFrom(type);
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field + " of " + owner.getClass(), e);
    }
  }
}
