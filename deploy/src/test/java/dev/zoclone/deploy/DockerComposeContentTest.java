package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user of docker-compose.yml relies on, read from docker-compose's own resolved view of the
 * file ({@code docker-compose config}: anchors merged, variables substituted, paths absolute).
 */
class DockerComposeContentTest {

  private static Path root;
  private static JsonNode services;

  @BeforeAll
  static void resolve() {
    root = DeployFiles.repoRoot();
    String resolved =
        DeployFiles.runOk(root, "docker-compose", "-f", "docker-compose.yml", "config");
    List<JsonNode> docs = DeployFiles.yamlDocuments(resolved);
    assertThat(docs).hasSize(1);
    services = docs.get(0).path("services");
  }

  @Test
  void hasTheEightServicesPostgresAndKafka() {
    List<String> expected = new ArrayList<>(DeployFiles.SERVICE_PORTS.keySet());
    expected.add("postgres");
    expected.add("kafka");
    List<String> actual = new ArrayList<>();
    services.fieldNames().forEachRemaining(actual::add);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void postgresHasPgvectorAndKafkaRunsKraft() {
    JsonNode postgres = services.path("postgres");
    assertThat(postgres.path("image").asText()).isEqualTo("pgvector/pgvector:pg16");
    assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    assertThat(postgres.path("environment").path("POSTGRES_DB").asText()).isEqualTo("zoclone");
    // The init script that creates the vector extension is mounted from the repo.
    String initScript = firstSqlMount(postgres.path("volumes"));
    assertThat(Path.of(initScript)).isRegularFile();
    assertThat(contentOf(Path.of(initScript))).contains("CREATE EXTENSION IF NOT EXISTS vector");

    JsonNode kafka = services.path("kafka");
    assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:4.1.2");
    JsonNode env = kafka.path("environment");
    assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("broker").contains("controller");
    assertThat(env.path("KAFKA_NODE_ID").asText()).isEqualTo("1");
    assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText()).isEqualTo("PLAINTEXT://kafka:9092");
    assertThat(env.path("KAFKA_CONTROLLER_LISTENER_NAMES").asText()).isEqualTo("CONTROLLER");
    assertThat(env.path("CLUSTER_ID").asText()).hasSize(22);
    assertThat(kafka.path("healthcheck").path("test").toString()).contains("9092");
  }

  @Test
  void everyServiceIsBuiltFromItsDockerfile() throws Exception {
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      JsonNode service = services.path(name);
      assertThat(service.path("image").asText()).as(name).isEqualTo("zoclone/" + name + ":0.1.0");
      Path context = Path.of(service.path("build").path("context").asText());
      assertThat(context.toRealPath())
          .as(name)
          .isEqualTo(root.resolve("services").resolve(name).toRealPath());
      Path dockerfile = context.resolve(service.path("build").path("dockerfile").asText());
      assertThat(dockerfile).as(name).isRegularFile();
      assertThat(dockerfile.toRealPath()).isEqualTo(DeployFiles.dockerfile(name).toRealPath());
    }
  }

  @Test
  void everyServiceGetsTheSharedConfiguration() {
    Set<String> internalSecrets = new HashSet<>();
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      JsonNode env = services.path(name).path("environment");
      assertThat(env.path("ZO_DB_URL").asText())
          .as(name)
          .isEqualTo("jdbc:postgresql://postgres:5432/zoclone");
      assertThat(env.path("ZO_DB_USER").asText()).as(name).isNotBlank();
      assertThat(env.path("ZO_DB_PASSWORD").asText()).as(name).isNotBlank();
      assertThat(env.path("ZO_KAFKA_BOOTSTRAP").asText()).as(name).isEqualTo("kafka:9092");
      assertThat(env.path("ZO_HOME").asText()).as(name).isEqualTo("/var/lib/zoclone");
      assertThat(env.path("ZO_INTERNAL_SECRET").asText()).as(name).isNotBlank();
      internalSecrets.add(env.path("ZO_INTERNAL_SECRET").asText());
      // The database credentials the services use are the ones PostgreSQL is created with.
      JsonNode pg = services.path("postgres").path("environment");
      assertThat(env.path("ZO_DB_USER").asText()).isEqualTo(pg.path("POSTGRES_USER").asText());
      assertThat(env.path("ZO_DB_PASSWORD").asText())
          .isEqualTo(pg.path("POSTGRES_PASSWORD").asText());
    }
    assertThat(internalSecrets).as("one shared internal secret").hasSize(1);
    assertThat(services.path("agents").path("environment").path("ZO_MASTER_KEY").asText())
        .isNotBlank();
  }

  @Test
  void theGatewayKnowsWhereEveryServiceIs() {
    JsonNode env = services.path("gateway").path("environment");
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      if (e.getKey().equals("gateway")) {
        continue;
      }
      String variable = "ZO_GATEWAY_SERVICES_" + e.getKey().toUpperCase(Locale.ROOT) + "_URL";
      assertThat(env.path(variable).asText())
          .as(variable)
          .isEqualTo("http://" + e.getKey() + ":" + e.getValue());
    }
  }

  @Test
  void onlyTheGatewayIsPublishedOn8080() {
    for (String name : services.properties().stream().map(Map.Entry::getKey).toList()) {
      JsonNode ports = services.path(name).path("ports");
      if (name.equals("gateway")) {
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).path("published").asText()).isEqualTo("8080");
        assertThat(ports.get(0).path("target").asText()).isEqualTo("8080");
      } else {
        assertThat(ports.isMissingNode()).as("%s publishes %s", name, ports).isTrue();
      }
    }
  }

  @Test
  void everyServiceHasAReadinessHealthcheckAndWaitsForItsInfrastructure() {
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      JsonNode service = services.path(e.getKey());
      String test = service.path("healthcheck").path("test").toString();
      assertThat(test)
          .as(e.getKey())
          .contains(DeployFiles.READINESS_PATH)
          .contains("127.0.0.1/" + e.getValue());
      assertThat(service.path("environment").path("QUARKUS_HTTP_PORT").asText())
          .isEqualTo(String.valueOf(e.getValue()));
      for (String infra : List.of("postgres", "kafka")) {
        assertThat(service.path("depends_on").path(infra).path("condition").asText())
            .as("%s depends on %s", e.getKey(), infra)
            .isEqualTo("service_healthy");
      }
    }
    JsonNode gatewayDeps = services.path("gateway").path("depends_on");
    for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
      if (!name.equals("gateway")) {
        assertThat(gatewayDeps.has(name)).as("gateway depends on %s", name).isTrue();
      }
    }
  }

  @Test
  void browserHasRoomForChromium() {
    JsonNode browser = services.path("browser");
    assertThat(browser.path("shm_size").asText()).isNotBlank();
    assertThat(browser.path("environment").path("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD").asText())
        .isEqualTo("1");
  }

  private static String firstSqlMount(JsonNode volumes) {
    for (JsonNode v : volumes) {
      String text = v.asText();
      if (text.contains(".sql:/docker-entrypoint-initdb.d/")) {
        return text.substring(0, text.indexOf(".sql:") + 4);
      }
    }
    throw new AssertionError("postgres mounts no .sql init script: " + volumes);
  }

  private static String contentOf(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
