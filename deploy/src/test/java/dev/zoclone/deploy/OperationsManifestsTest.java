package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operations side of k8s/: scrape annotations, disruption budgets, network policies, the KEDA
 * overlay and the Grafana dashboard, checked on the rendered manifests.
 */
class OperationsManifestsTest {

  @Test
  void everyDeploymentIsScrapedOnItsOwnPortAtQMetrics() {
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      Deployment deployment = Kustomize.find(Deployment.class, e.getKey()).orElseThrow();
      assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
          .as(e.getKey())
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", Integer.toString(e.getValue()))
          .containsEntry("prometheus.io/path", "/q/metrics");
    }
  }

  @Test
  void everyServiceHasADisruptionBudgetThatSelectsItsPods() {
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      PodDisruptionBudget budget =
          Kustomize.find(PodDisruptionBudget.class, name)
              .orElseThrow(() -> new AssertionError("no PodDisruptionBudget " + name));
      Map<String, String> podLabels =
          Kustomize.find(Deployment.class, name)
              .orElseThrow()
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getLabels();
      assertThat(podLabels)
          .as(name + " budget selects its pods")
          .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
      assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(name).isEqualTo(1);
    }
  }

  @Test
  void onlyZoCloneServicesReachTheServicesAndTheDatabaseAndKafka() {
    Map<String, String> servicePods = Map.of("app.kubernetes.io/component", "service");
    for (String infra : List.of("postgres", "kafka")) {
      NetworkPolicy policy = policyFor(Map.of("app.kubernetes.io/name", infra));
      assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
      List<NetworkPolicyPeer> from =
          policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).toList();
      assertThat(from)
          .as(infra + " admits only ZoClone service pods")
          .isNotEmpty()
          .allSatisfy(
              peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(servicePods);
              });
    }

    // Every service but the gateway: only service pods (and the monitoring namespace) get in.
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      if (name.equals("gateway")) {
        continue;
      }
      NetworkPolicy policy =
          policyFor(
              Map.of("app.kubernetes.io/component", "service", "app.kubernetes.io/name", name));
      assertThat(policy.getSpec().getIngress())
          .as(name)
          .allSatisfy(
              rule ->
                  assertThat(rule.getFrom())
                      .isNotEmpty()
                      .allSatisfy(
                          peer ->
                              assertThat(
                                      peer.getPodSelector() != null
                                          ? peer.getPodSelector().getMatchLabels()
                                          : peer.getNamespaceSelector().getMatchLabels())
                                  .isIn(servicePods, Map.of("zoclone.dev/monitoring", "true"))));
    }
  }

  @Test
  void theKedaOverlayScalesPoolAndMemoryInsteadOfTheirCpuAutoscalers() {
    List<JsonNode> docs = Kustomize.render("overlays/keda");
    List<JsonNode> scaled =
        docs.stream().filter(d -> d.path("kind").asText().equals("ScaledObject")).toList();
    assertThat(scaled)
        .extracting(d -> d.path("spec").path("scaleTargetRef").path("name").asText())
        .containsExactlyInAnyOrder("pool", "memory");
    JsonNode pool = byName(scaled, "pool");
    assertThat(pool.path("spec").path("triggers").findValuesAsText("type")).contains("postgresql");
    assertThat(pool.toString()).contains("FROM pool.job WHERE status = 'PENDING'");
    JsonNode memory = byName(scaled, "memory");
    JsonNode kafka = memory.path("spec").path("triggers").get(0).path("metadata");
    assertThat(kafka.path("consumerGroup").asText()).isEqualTo("memory");
    assertThat(kafka.path("topic").asText()).isEqualTo("zo.memory.ingest");

    List<String> hpas =
        docs.stream()
            .filter(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler"))
            .map(d -> d.path("metadata").path("name").asText())
            .toList();
    assertThat(hpas).doesNotContain("pool", "memory").contains("agents", "skills", "browser");
    // The base keeps its five CPU autoscalers.
    assertThat(Kustomize.ofType(HorizontalPodAutoscaler.class)).hasSize(5);
    // Everything else of the base is there, secrets and config included.
    assertThat(docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).count())
        .isEqualTo(DeployFiles.SERVICE_PORTS.size());
    assertThat(docs.stream().map(d -> d.path("metadata").path("name").asText()))
        .anyMatch(n -> n.startsWith("zoclone-secrets"))
        .anyMatch(n -> n.startsWith("zoclone-config"));
  }

  @Test
  void theDashboardsPanelsQueryMetersTheServicesDefine() throws IOException {
    Path root = DeployFiles.repoRoot();
    JsonNode dashboard =
        DeployFiles.YAML.readTree(
            root.resolve("k8s/observability/zoclone-dashboard.json").toFile());
    JsonNode panels = dashboard.path("panels");
    assertThat(panels.size()).isGreaterThanOrEqualTo(10);
    Set<String> meters = new HashSet<>();
    panels.forEach(
        panel -> {
          assertThat(panel.path("title").asText()).isNotBlank();
          assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
          panel
              .path("targets")
              .forEach(
                  target -> {
                    Matcher m =
                        Pattern.compile("\\bzo_[a-z_]+").matcher(target.path("expr").asText());
                    while (m.find()) {
                      meters.add(m.group());
                    }
                  });
        });
    assertThat(meters).isNotEmpty();

    // Each zo_* series must come from a meter some service registers (Micrometer's dotted name).
    String sources = javaSources(root);
    List<String> undefined = new ArrayList<>();
    for (String series : meters) {
      String base =
          series.replaceAll(
              "_(total|seconds_count|seconds_sum|seconds_bucket|seconds|count|sum)$", "");
      if (!sources.contains("\"" + base.replace('_', '.') + "\"")) {
        undefined.add(series);
      }
    }
    assertThat(undefined).as("series no service defines").isEmpty();
  }

  private static NetworkPolicy policyFor(Map<String, String> podLabels) {
    return Kustomize.ofType(NetworkPolicy.class).stream()
        .filter(p -> selects(p.getSpec().getPodSelector(), podLabels))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + podLabels));
  }

  /** Whether {@code selector} selects pods labelled {@code labels} (In/NotIn expressions). */
  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null
        && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
      return false;
    }
    if (selector.getMatchExpressions() == null) {
      return true;
    }
    return selector.getMatchExpressions().stream()
        .allMatch(
            e -> {
              String value = labels.get(e.getKey());
              return switch (e.getOperator()) {
                case "In" -> e.getValues().contains(value);
                case "NotIn" -> !e.getValues().contains(value);
                default -> false;
              };
            });
  }

  private static JsonNode byName(List<JsonNode> docs, String name) {
    return docs.stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String javaSources(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    for (String folder : List.of("services", "libs")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> f.toString().contains("/src/main/java/"))
                .toList()) {
          all.append(Files.readString(file));
        }
      }
    }
    return all.toString();
  }

  @Test
  void inKubernetesTracesAreSampledAndSentOverOtlpAndLogsAreJson() {
    Map<String, String> data =
        Kustomize.findGenerated(ConfigMap.class, "zoclone-config").orElseThrow().getData();
    // The laptop default (libs/platform) samples nothing; the cluster turns tracing on.
    assertThat(Double.parseDouble(data.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG"))).isPositive();
    assertThat(data.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).startsWith("http://");
    assertThat(data).containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
  }
}
