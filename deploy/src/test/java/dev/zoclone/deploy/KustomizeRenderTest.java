package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl kustomize k8s/} renders, and every object it renders is a typed Kubernetes object
 * whose every field, at any depth, is one the Kubernetes API knows.
 */
class KustomizeRenderTest {

  @Test
  void everyRenderedObjectIsTypedAndHasNoUnknownField() {
    List<JsonNode> docs = Kustomize.base();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(8 * 2 + 5 + 4);

    List<String> problems = new ArrayList<>();
    for (JsonNode doc : docs) {
      KubernetesResource resource = UnknownFields.parse(doc);
      String where = Kustomize.describe(resource);
      if (resource instanceof GenericKubernetesResource) {
        problems.add(where + ": no typed model for " + doc.path("apiVersion").asText());
        continue;
      }
      assertThat(resource).as(where).isInstanceOf(HasMetadata.class);
      assertThat(((HasMetadata) resource).getMetadata().getName()).as(where).isNotBlank();
      UnknownFields.find(resource).forEach(path -> problems.add(where + ": unknown field " + path));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckReportsMisspelledFieldsAtAnyDepth() {
    String manifest =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: demo
        spec:
          replica: 2
          selector:
            matchLabels: {app: demo}
          template:
            metadata:
              labels: {app: demo}
            spec:
              containers:
                - name: demo
                  image: demo:1
                  readinesProbe:
                    httpGet: {path: /q/health/ready, port: 8080}
                  resources:
                    limit: {cpu: "1"}
        """;
    String fixed =
        manifest
            .replace("replica:", "replicas:")
            .replace("readinesProbe:", "readinessProbe:")
            .replace("limit:", "limits:");

    KubernetesResource typo = UnknownFields.parse(DeployFiles.yamlDocuments(manifest).get(0));
    KubernetesResource clean = UnknownFields.parse(DeployFiles.yamlDocuments(fixed).get(0));

    // fabric8 itself accepts the typos without complaint ...
    assertThat(typo).isInstanceOf(Deployment.class);
    // ... the check finds each of them, with its path.
    assertThat(UnknownFields.find(typo))
        .containsExactlyInAnyOrder(
            ".spec.replica",
            ".spec.template.spec.containers[0].readinesProbe",
            ".spec.template.spec.containers[0].resources.limit");
    assertThat(UnknownFields.find(clean)).isEmpty();
    assertThat(((Deployment) clean).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void theCheckReportsAFieldAddedToARenderedObject() {
    JsonNode gateway =
        Kustomize.base().stream()
            .filter(d -> d.path("kind").asText().equals("Deployment"))
            .filter(d -> d.path("metadata").path("name").asText().equals("gateway"))
            .findFirst()
            .orElseThrow();
    ObjectNode changed = gateway.deepCopy();
    ((ObjectNode) changed.path("spec").path("template").path("spec").path("containers").get(0))
        .putObject("livenessProb")
        .put("periodSeconds", 10);
    ((ObjectNode) changed.path("metadata")).put("labelz", "x");

    assertThat(UnknownFields.find(UnknownFields.parse(gateway))).isEmpty();
    assertThat(UnknownFields.find(UnknownFields.parse(changed)))
        .containsExactlyInAnyOrder(
            ".metadata.labelz", ".spec.template.spec.containers[0].livenessProb");
  }

  @Test
  void infrastructureIsItsOwnKustomizationSoAnOverlayCanDropIt() throws Exception {
    JsonNode root =
        DeployFiles.YAML.readTree(
            DeployFiles.repoRoot().resolve("k8s/kustomization.yaml").toFile());
    List<String> resources = new ArrayList<>();
    root.path("resources").forEach(r -> resources.add(r.asText()));
    assertThat(resources).containsExactlyInAnyOrder("config", "infra", "services");

    List<String> infraKinds = kindsAndNames(Kustomize.render("infra"));
    assertThat(infraKinds)
        .contains("StatefulSet/postgres", "StatefulSet/kafka", "Service/postgres", "Service/kafka")
        .noneMatch(k -> k.startsWith("Deployment/"));

    List<String> serviceKinds = kindsAndNames(Kustomize.render("services"));
    assertThat(serviceKinds)
        .filteredOn(k -> k.startsWith("Deployment/"))
        .hasSize(DeployFiles.SERVICE_PORTS.size());
    assertThat(serviceKinds).noneMatch(k -> k.startsWith("StatefulSet/"));

    // The rendered base holds both.
    assertThat(Kustomize.ofType(StatefulSet.class)).hasSize(2);
    assertThat(Kustomize.ofType(Deployment.class)).hasSize(DeployFiles.SERVICE_PORTS.size());
  }

  private static List<String> kindsAndNames(List<JsonNode> docs) {
    return docs.stream()
        .map(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())
        .toList();
  }
}
