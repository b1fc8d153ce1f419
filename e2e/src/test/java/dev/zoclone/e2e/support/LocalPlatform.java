package dev.zoclone.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.testing.infra.LocalInfra;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged gateway and the services a test names, started as child processes on free ports
 * against one fresh PostgreSQL database (each service in its own schema) and the local Kafka;
 * {@link #close()} stops every process by its PID and drops the database.
 *
 * <p>Usage: {@code LocalPlatform.start("agents", "memory")}, then {@link #gatewayUrl()} and {@link
 * #newUserToken(String)}. A service's extra settings go in {@link Builder#property}.
 */
public final class LocalPlatform implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path repoRoot;
  private final Path home;
  private String internalSecret;
  private final String databaseUrl;
  private final Map<String, ServiceProcess> services;
  private final Map<String, Relaunch> relaunches = new HashMap<>();

  /** How a started service is started again ({@link #restart}). */
  private record Relaunch(
      String service, int port, Map<String, String> env, Map<String, String> props, Path logs) {}

  private LocalPlatform(
      Path repoRoot, Path home, String databaseUrl, Map<String, ServiceProcess> services) {
    this.repoRoot = repoRoot;
    this.home = home;
    this.databaseUrl = databaseUrl;
    this.services = services;
  }

  /** Starts the gateway and {@code services} with their defaults. */
  public static LocalPlatform start(String... services) throws Exception {
    Builder builder = builder();
    for (String service : services) {
      builder.service(service);
    }
    return builder.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What to start and with which settings. */
  public static final class Builder {
    private final List<String> services = new ArrayList<>();
    private final Map<String, String> replicas = new LinkedHashMap<>();
    private final java.util.Set<String> balanced = new java.util.HashSet<>();
    private final Map<String, Map<String, String>> properties = new HashMap<>();
    private Duration readyTimeout = Duration.ofMinutes(3);

    private Builder() {}

    /** Starts {@code name} (agents, memory, pool, …) besides the gateway. */
    public Builder service(String name) {
      services.add(name);
      return this;
    }

    /**
     * Starts another replica of {@code service} named {@code name} (its own port and log, the same
     * database and ZO_HOME); {@link #property} takes {@code name} for its settings.
     */
    public Builder replica(String service, String name) {
      replicas.put(name, service);
      return this;
    }

    /** Starts a second replica of {@code service}, named {@code <service>@2}. */
    public Builder replica(String service) {
      return replica(service, service + "@2");
    }

    /**
     * Starts {@code service} as {@code count} replicas that the gateway balances over (all in its
     * {@code ZO_GATEWAY_SERVICES_<NAME>_URL}): {@code service}, {@code <service>@2}, … The replicas
     * of {@link #replica} are reached only directly.
     */
    public Builder replicas(String service, int count) {
      service(service);
      for (int i = 2; i <= count; i++) {
        replica(service, service + "@" + i);
        balanced.add(service + "@" + i);
      }
      return this;
    }

    /** Passes {@code -Dkey=value} to {@code service} ({@code gateway} included). */
    public Builder property(String service, String key, String value) {
      properties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    /** How long every service together may take to become ready (3 minutes by default). */
    public Builder readyTimeout(Duration timeout) {
      readyTimeout = timeout;
      return this;
    }

    public LocalPlatform start() throws Exception {
      Path root = LocalInfra.repoRoot();
      Path home = Files.createTempDirectory("zo-e2e-home");
      String database = LocalInfra.createDatabase();
      String secret = HexFormat.of().formatHex(random(32));
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      Path logs = root.resolve("e2e/target/e2e-logs/" + suffix);

      Map<String, Integer> ports = new LinkedHashMap<>();
      ports.put("gateway", ServiceProcess.freePort());
      services.forEach(s -> ports.put(s, ServiceProcess.freePort()));
      replicas.keySet().forEach(r -> ports.put(r, ServiceProcess.freePort()));

      Map<String, String> common = new HashMap<>();
      common.put("ZO_HOME", home.toString());
      common.put("ZO_DB_URL", database);
      common.put("ZO_DB_USER", LocalInfra.DB_USER);
      common.put("ZO_DB_PASSWORD", LocalInfra.DB_PASSWORD);
      common.put("ZO_KAFKA_BOOTSTRAP", LocalInfra.KAFKA_BOOTSTRAP);
      common.put("ZO_INTERNAL_SECRET", secret);
      common.put("ZO_MASTER_KEY", Base64.getEncoder().encodeToString(random(32)));
      common.put("ZO_PLATFORM_EGRESS_ALLOW_PRIVATE", "true"); // fake models listen on 127.0.0.1
      ports.forEach(
          (name, port) -> {
            if (replicas.containsKey(name)) {
              return;
            }
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            // The gateway balances over the replicas of replicas(); services call each other's
            // first replica.
            StringBuilder all = new StringBuilder("http://127.0.0.1:" + port);
            replicas.forEach(
                (replica, service) -> {
                  if (service.equals(name) && balanced.contains(replica)) {
                    all.append(",http://127.0.0.1:").append(ports.get(replica));
                  }
                });
            common.put("ZO_GATEWAY_SERVICES_" + upper + "_URL", all.toString());
            common.put("ZO_" + upper + "_URL", "http://127.0.0.1:" + port);
          });

      Map<String, ServiceProcess> started = new LinkedHashMap<>();
      LocalPlatform platform = new LocalPlatform(root, home, database, started);
      platform.internalSecret = secret;
      try {
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
          String name = entry.getKey();
          String kind = replicas.getOrDefault(name, name);
          Map<String, String> props = new LinkedHashMap<>();
          // Several services start at once on 2 cores: a first PostgreSQL connection can take
          // longer than agroal's default 5 s wait, which fails Flyway at start.
          props.put("quarkus.datasource.jdbc.acquisition-timeout", "60s");
          if (name.equals("gateway")) {
            // Tests and benchmarks drive the platform harder than one user should; a test of the
            // limits themselves sets its users' own through the API.
            props.put("zo.gateway.rate-limit.requests-per-second", "100000");
            props.put("zo.gateway.rate-limit.burst", "100000");
          }
          // Consumers in groups of their own: the broker is shared. Replicas of a service share its
          // group, and so its work. Agents and skills start at the end of their request topics.
          // Memory starts at the beginning of the ingest topic, as its own default says: a turn a
          // test stores before memory's group is assigned must still be ingested. So on a broker
          // that kept many earlier runs' turns, memory first works through them (benchmarks start
          // it at the end instead: bench's Stack.platform).
          if (kind.equals("agents")) {
            props.put("mp.messaging.incoming.agent-requests.group.id", "agents-e2e-" + suffix);
            props.put("mp.messaging.incoming.agent-requests.auto.offset.reset", "latest");
          } else if (kind.equals("memory")) {
            props.put("mp.messaging.incoming.memory-ingest.group.id", "memory-e2e-" + suffix);
          } else if (kind.equals("skills")) {
            props.put("mp.messaging.incoming.skill-requests.group.id", "skills-e2e-" + suffix);
            props.put("mp.messaging.incoming.skill-requests.auto.offset.reset", "latest");
          }
          props.putAll(properties.getOrDefault(name, Map.of()));
          platform.relaunches.put(name, new Relaunch(kind, entry.getValue(), common, props, logs));
          started.put(
              name, ServiceProcess.start(root, kind, name, entry.getValue(), common, props, logs));
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        for (ServiceProcess service : started.values()) {
          service.awaitReady(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return platform;
      } catch (Exception | Error e) {
        platform.close();
        throw e;
      }
    }
  }

  /** The gateway's base URL, without a trailing slash. */
  public String gatewayUrl() {
    return services.get("gateway").url();
  }

  /** A started service, to read its URL, PID or log. */
  public ServiceProcess service(String name) {
    ServiceProcess service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException(name + " was not started; started: " + services.keySet());
    }
    return service;
  }

  /**
   * The secret the gateway sends services in {@code X-Zo-Internal-Secret}, to call one directly.
   */
  public String internalSecret() {
    return internalSecret;
  }

  /** The JDBC URL of the platform's database (each service's tables in its own schema). */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The folder the platform runs in as {@code ZO_HOME}. */
  public Path home() {
    return home;
  }

  /** The repository the jars were started from. */
  public Path repoRoot() {
    return repoRoot;
  }

  /** Kills {@code name} at once (SIGKILL), as a crash would. */
  public void kill(String name) throws InterruptedException {
    service(name).kill();
  }

  /**
   * Starts {@code name} again (after {@link #kill} or a stop) on its port with its settings, and
   * waits until it is ready.
   */
  public ServiceProcess restart(String name) throws Exception {
    Relaunch launch = relaunches.get(name);
    ServiceProcess again =
        ServiceProcess.start(
            repoRoot,
            launch.service(),
            name,
            launch.port(),
            launch.env(),
            launch.props(),
            launch.logs().resolve("restarted-" + System.nanoTime()));
    services.put(name, again);
    again.awaitReady(Duration.ofMinutes(3));
    return again;
  }

  /** The admin token the gateway wrote on its first start. */
  public String adminToken() throws IOException {
    return Files.readString(home.resolve("admin-token"), StandardCharsets.UTF_8).strip();
  }

  /** A user made through the gateway: its id (the {@code X-Zo-User} services see) and token. */
  public record User(String id, String token) {}

  /** Creates a user through the gateway (as admin) and returns its bearer token. */
  public String newUserToken(String name) throws IOException, InterruptedException {
    return newUser(name).token();
  }

  /** Creates a user through the gateway (as admin). */
  public User newUser(String name) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/users"))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "creating user " + name + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode user = JSON.readTree(response.body());
    return new User(user.path("id").asText(), user.path("token").asText());
  }

  /**
   * A JSON request to the gateway as {@code bearer} ({@code body} null for none); the answer
   * whatever its status. Two minutes at most: a bound on a hang, not on the platform's speed.
   */
  public HttpResponse<String> call(String bearer, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofMinutes(2))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Stores, as {@code bearer}, an OpenAI-compatible key named {@code name} for the model server at
   * {@code modelBaseUrl} ({@code /v1} appended) with {@code defaultModel}; fails unless stored.
   */
  public void putKey(String bearer, String name, String modelBaseUrl, String defaultModel)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        call(
            bearer,
            "PUT",
            "/api/v1/keys/" + name,
            "{\"provider\":\"openai\",\"api_key\":\"sk-e2e-0123456789abcd\",\"base_url\":\""
                + modelBaseUrl
                + "/v1\",\"default_model\":\""
                + defaultModel
                + "\"}");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "storing key " + name + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** Stops every service by its PID (gateway last) and drops the database. */
  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(services.values());
    java.util.Collections.reverse(reversed);
    reversed.forEach(ServiceProcess::close);
    try {
      LocalInfra.dropDatabase(databaseUrl);
    } catch (RuntimeException e) {
      // the database outlives a failed drop; the next run makes a fresh one anyway
    }
  }

  private static byte[] random(int bytes) {
    byte[] out = new byte[bytes];
    new SecureRandom().nextBytes(out);
    return out;
  }
}
