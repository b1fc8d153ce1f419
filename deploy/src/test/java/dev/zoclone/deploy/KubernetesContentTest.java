package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the rendered k8s/ base must contain, checked on fabric8's typed objects. */
class KubernetesContentTest {

  @Test
  void everyServiceHasADeploymentWithHealthProbesOnItsPortAndResources() {
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      String name = e.getKey();
      int port = e.getValue();
      Deployment deployment =
          Kustomize.find(Deployment.class, name)
              .orElseThrow(() -> new AssertionError("no Deployment " + name));
      Container c = container(deployment.getSpec().getTemplate().getSpec(), name);

      assertThat(c.getImage()).as(name).isEqualTo("zoclone/" + name + ":0.1.0");
      assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).contains(port);
      assertHttpProbe(name + " liveness", c.getLivenessProbe(), DeployFiles.LIVENESS_PATH, c, port);
      assertHttpProbe(
          name + " readiness", c.getReadinessProbe(), DeployFiles.READINESS_PATH, c, port);

      Map<String, Quantity> requests = c.getResources().getRequests();
      Map<String, Quantity> limits = c.getResources().getLimits();
      assertThat(requests).as(name + " requests").containsKeys("cpu", "memory");
      assertThat(limits).as(name + " limits").containsKeys("cpu", "memory");
      for (String r : List.of("cpu", "memory")) {
        assertThat(Quantity.getAmountInBytes(limits.get(r)))
            .as("%s %s limit >= request", name, r)
            .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get(r)));
      }

      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .as(name + " pod labels match the selector")
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void everyServiceReadsTheSharedConfigMapAndSecret() {
    String configMap = generated(ConfigMap.class, "zoclone-config");
    String secret = generated(Secret.class, "zoclone-secrets");
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      Container c =
          container(
              Kustomize.find(Deployment.class, name)
                  .orElseThrow()
                  .getSpec()
                  .getTemplate()
                  .getSpec(),
              name);
      List<EnvFromSource> envFrom = c.getEnvFrom();
      assertThat(envFrom)
          .as(name + " envFrom ConfigMaps")
          .filteredOn(s -> s.getConfigMapRef() != null)
          .extracting(s -> s.getConfigMapRef().getName())
          .containsExactly(configMap);
      assertThat(envFrom)
          .as(name + " envFrom Secrets")
          .filteredOn(s -> s.getSecretRef() != null)
          .extracting(s -> s.getSecretRef().getName())
          .containsExactly(secret);
    }
  }

  @Test
  void theConfigMapPointsAtTheInfrastructureAndTheServices() {
    Map<String, String> data =
        Kustomize.findGenerated(ConfigMap.class, "zoclone-config").orElseThrow().getData();
    assertThat(data)
        .containsEntry("ZO_DB_URL", "jdbc:postgresql://postgres:5432/zoclone")
        .containsEntry("ZO_KAFKA_BOOTSTRAP", "kafka:9092")
        .containsEntry("ZO_HOME", "/var/lib/zoclone");
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      if (!e.getKey().equals("gateway")) {
        String key = "ZO_GATEWAY_SERVICES_" + e.getKey().toUpperCase(Locale.ROOT) + "_URL";
        assertThat(data).containsEntry(key, "http://" + e.getKey() + ":" + e.getValue());
        // ... and that address is a Service on that port.
        assertThat(Kustomize.find(Service.class, e.getKey())).isPresent();
      }
    }
  }

  @Test
  void theSecretsAreClearlyMarkedPlaceholders() {
    Map<String, String> secrets = decoded("zoclone-secrets");
    assertThat(secrets).containsKeys("ZO_DB_USER", "ZO_DB_PASSWORD", "ZO_INTERNAL_SECRET");
    assertThat(secrets.get("ZO_DB_PASSWORD")).startsWith("REPLACE-ME");
    assertThat(secrets.get("ZO_INTERNAL_SECRET")).startsWith("REPLACE-ME");
    assertThat(secrets).doesNotContainKey("ZO_MASTER_KEY");

    Map<String, String> masterKey = decoded("zoclone-master-key");
    assertThat(masterKey.get("ZO_MASTER_KEY")).startsWith("REPLACE-ME");
  }

  /** The services that seal secrets with the master key: provider keys and webhook secrets. */
  private static final Set<String> SEALING = Set.of("agents", "scheduler");

  @Test
  void onlyTheServicesThatSealSecretsGetTheMasterKey() {
    String masterKeySecret = generated(Secret.class, "zoclone-master-key");
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      Container c =
          container(
              Kustomize.find(Deployment.class, name)
                  .orElseThrow()
                  .getSpec()
                  .getTemplate()
                  .getSpec(),
              name);
      Optional<EnvVar> masterKey =
          Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
              .filter(v -> v.getName().equals("ZO_MASTER_KEY"))
              .findFirst();
      if (SEALING.contains(name)) {
        EnvVar v = masterKey.orElseThrow(() -> new AssertionError(name + " has no ZO_MASTER_KEY"));
        assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo(masterKeySecret);
        assertThat(v.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("ZO_MASTER_KEY");
      } else {
        assertThat(masterKey).as(name).isEmpty();
        assertThat(c.getEnvFrom())
            .as(name)
            .noneMatch(
                s ->
                    s.getSecretRef() != null && masterKeySecret.equals(s.getSecretRef().getName()));
      }
    }
  }

  @Test
  void everyServiceHasAClusterIpServiceOnItsPort() {
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      String name = e.getKey();
      Service service =
          Kustomize.find(Service.class, name)
              .orElseThrow(() -> new AssertionError("no Service " + name));
      Deployment deployment = Kustomize.find(Deployment.class, name).orElseThrow();
      Container c = container(deployment.getSpec().getTemplate().getSpec(), name);

      assertThat(Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP"))
          .as(name)
          .isEqualTo("ClusterIP");
      assertThat(service.getSpec().getSelector()).as(name).isNotEmpty();
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .as("%s Service selects the %s pods", name, name)
          .containsAllEntriesOf(service.getSpec().getSelector());
      ServicePort port =
          service.getSpec().getPorts().stream()
              .filter(p -> p.getPort() == e.getValue().intValue())
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " Service has no port " + e.getValue()));
      assertThat(resolve(port.getTargetPort(), c)).as(name + " targetPort").isEqualTo(e.getValue());
    }
  }

  @Test
  void onlyTheServicesThatScaleOutHaveAnAutoscaler() {
    List<HorizontalPodAutoscaler> hpas = Kustomize.ofType(HorizontalPodAutoscaler.class);
    assertThat(hpas)
        .extracting(h -> h.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(DeployFiles.AUTOSCALED);
    for (HorizontalPodAutoscaler hpa : hpas) {
      String name = hpa.getMetadata().getName();
      assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
      assertThat(hpa.getSpec().getMinReplicas()).isPositive();
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      List<MetricSpec> metrics = hpa.getSpec().getMetrics();
      assertThat(metrics)
          .as(name)
          .anySatisfy(
              m -> {
                assertThat(m.getType()).isEqualTo("Resource");
                assertThat(m.getResource().getName()).isEqualTo("cpu");
                assertThat(m.getResource().getTarget().getType()).isEqualTo("Utilization");
                assertThat(m.getResource().getTarget().getAverageUtilization()).isBetween(1, 100);
              });
      // The autoscaler owns the replica count: a fixed one in the Deployment would fight it.
      assertThat(Kustomize.find(Deployment.class, name).orElseThrow().getSpec().getReplicas())
          .as(name + " replicas")
          .isNull();
    }
  }

  @Test
  void postgresIsAStatefulSetWithPgvectorAndAPersistentVolume() {
    StatefulSet postgres = Kustomize.find(StatefulSet.class, "postgres").orElseThrow();
    Container c = container(postgres.getSpec().getTemplate().getSpec(), "postgres");
    assertThat(c.getImage()).isEqualTo("pgvector/pgvector:pg16");
    assertThat(postgres.getSpec().getVolumeClaimTemplates()).hasSize(1);
    String claim = postgres.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
    assertThat(c.getVolumeMounts()).anyMatch(m -> m.getName().equals(claim));
    assertThat(c.getReadinessProbe()).isNotNull();
    assertThat(c.getLivenessProbe()).isNotNull();

    String secret = generated(Secret.class, "zoclone-secrets");
    assertThat(env(c, "POSTGRES_USER").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo(secret);
    assertThat(env(c, "POSTGRES_USER").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("ZO_DB_USER");
    assertThat(env(c, "POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("ZO_DB_PASSWORD");
    assertThat(env(c, "POSTGRES_DB").getValue()).isEqualTo("zoclone");

    ConfigMap initdb = Kustomize.findGenerated(ConfigMap.class, "postgres-initdb").orElseThrow();
    assertThat(initdb.getData().values())
        .anySatisfy(sql -> assertThat(sql).contains("CREATE EXTENSION IF NOT EXISTS vector"));
    assertThat(postgres.getSpec().getTemplate().getSpec().getVolumes())
        .anyMatch(
            v ->
                v.getConfigMap() != null
                    && v.getConfigMap().getName().equals(initdb.getMetadata().getName()));

    Service service = Kustomize.find(Service.class, "postgres").orElseThrow();
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(postgres.getSpec().getServiceName()).isEqualTo("postgres");
    assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(5432);
  }

  @Test
  void kafkaIsASingleNodeKraftStatefulSet() {
    StatefulSet kafka = Kustomize.find(StatefulSet.class, "kafka").orElseThrow();
    Container c = container(kafka.getSpec().getTemplate().getSpec(), "kafka");
    assertThat(c.getImage()).isEqualTo("apache/kafka:4.1.2");
    assertThat(kafka.getSpec().getReplicas()).isEqualTo(1);
    assertThat(env(c, "KAFKA_PROCESS_ROLES").getValue()).isEqualTo("broker,controller");
    assertThat(env(c, "KAFKA_NODE_ID").getValue()).isEqualTo("1");
    assertThat(env(c, "KAFKA_ADVERTISED_LISTENERS").getValue()).isEqualTo("PLAINTEXT://kafka:9092");
    assertThat(env(c, "CLUSTER_ID").getValue()).hasSize(22);
    // Kubernetes' service-link variables (KAFKA_PORT=tcp://...) would be read as broker settings.
    assertThat(kafka.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
    assertThat(kafka.getSpec().getVolumeClaimTemplates()).hasSize(1);
    assertThat(env(c, "KAFKA_LOG_DIRS").getValue())
        .startsWith(
            c.getVolumeMounts().stream()
                    .filter(
                        m ->
                            m.getName()
                                .equals(
                                    kafka
                                        .getSpec()
                                        .getVolumeClaimTemplates()
                                        .get(0)
                                        .getMetadata()
                                        .getName()))
                    .findFirst()
                    .orElseThrow()
                    .getMountPath()
                + "/");

    Service service = Kustomize.find(Service.class, "kafka").orElseThrow();
    assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).contains(9092);
    assertThat(kafka.getSpec().getServiceName()).isEqualTo("kafka");
  }

  private static Container container(PodSpec pod, String name) {
    return pod.getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container named " + name));
  }

  private static EnvVar env(Container c, String name) {
    return c.getEnv().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
  }

  private static void assertHttpProbe(
      String what, Probe probe, String path, Container c, int port) {
    assertThat(probe).as(what).isNotNull();
    assertThat(probe.getHttpGet()).as(what + " httpGet").isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
    assertThat(resolve(probe.getHttpGet().getPort(), c)).as(what + " port").isEqualTo(port);
  }

  /** A port given as a number, or by the name of one of the container's ports. */
  private static Integer resolve(IntOrString port, Container c) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return c.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + " has no port " + port.getStrVal()));
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> String generated(
      Class<T> type, String baseName) {
    return Kustomize.findGenerated(type, baseName)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + baseName))
        .getMetadata()
        .getName();
  }

  private static Map<String, String> decoded(String secretBaseName) {
    Secret secret = Kustomize.findGenerated(Secret.class, secretBaseName).orElseThrow();
    Map<String, String> out = new java.util.TreeMap<>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return out;
  }
}
