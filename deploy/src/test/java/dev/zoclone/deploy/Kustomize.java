package dev.zoclone.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders a kustomization with {@code kubectl kustomize} and reads the result. */
final class Kustomize {

  private static List<JsonNode> base;

  private Kustomize() {}

  /** The rendered documents of {@code k8s/<relative>} (or of {@code k8s/} for ""). */
  static List<JsonNode> render(String relative) {
    Path root = DeployFiles.repoRoot();
    Path dir = root.resolve("k8s").resolve(relative);
    return DeployFiles.yamlDocuments(
        DeployFiles.runOk(root, "kubectl", "kustomize", dir.toString()));
  }

  /** The rendered base, {@code kubectl kustomize k8s/}, once per test run. */
  static synchronized List<JsonNode> base() {
    if (base == null) {
      base = render("");
    }
    return base;
  }

  /** The rendered base as typed fabric8 objects. */
  static List<HasMetadata> typedBase() {
    return base().stream().map(UnknownFields::parse).map(r -> (HasMetadata) r).toList();
  }

  static <T extends HasMetadata> List<T> ofType(Class<T> type) {
    return typedBase().stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return ofType(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
  }

  /**
   * The object of this type that a kustomize generator made from {@code baseName}: its rendered
   * name carries a content hash suffix ({@code zoclone-config-5h7k...}).
   */
  static <T extends HasMetadata> Optional<T> findGenerated(Class<T> type, String baseName) {
    return ofType(type).stream()
        .filter(o -> o.getMetadata().getName().matches(baseName + "(-[a-z0-9]{10})?"))
        .findFirst();
  }

  static String describe(KubernetesResource resource) {
    if (resource instanceof HasMetadata m) {
      return m.getKind() + "/" + m.getMetadata().getName();
    }
    return resource.getClass().getSimpleName();
  }
}
