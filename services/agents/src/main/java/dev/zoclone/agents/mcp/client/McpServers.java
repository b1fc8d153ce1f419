package dev.zoclone.agents.mcp.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.keys.KeyCipher;
import dev.zoclone.agents.keys.RecentLookups;
import dev.zoclone.contract.mcp.McpServerRequest;
import dev.zoclone.contract.mcp.McpServerView;
import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The caller's MCP servers: validated (a name that can prefix tool names, a URL the egress policy
 * allows, header names and values HTTP can carry), header values sealed with the agents master key,
 * and listed with those values masked.
 */
@ApplicationScoped
public class McpServers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
  private static final Set<String> TRANSPORTS = Set.of("streamable_http", "sse");
  private static final int MAX_HEADERS = 20;
  private static final int MAX_TOOLS = 200;

  private final McpServerRepository repository;
  private final KeyCipher cipher;
  private final EgressPolicy egress;

  /**
   * Each owner's enabled servers, read at most once a second (every ask needs them; most owners
   * have none): a change made here shows at once, one made through another replica within a second,
   * as for keys and settings.
   */
  private final RecentLookups<String, List<McpConnection>> recent =
      new RecentLookups<>(Duration.ofSeconds(1), 10_000);

  private final TransactionSynchronizationRegistry transaction;

  public McpServers(
      McpServerRepository repository,
      KeyCipher cipher,
      EgressPolicy egress,
      TransactionSynchronizationRegistry transaction) {
    this.repository = repository;
    this.cipher = cipher;
    this.egress = egress;
    this.transaction = transaction;
  }

  /** Stores (or replaces) the caller's server {@code name}. */
  @Transactional
  public McpServerView put(String owner, String name, McpServerRequest request) {
    requireName(name);
    if (request == null) {
      throw ProblemException.badRequest("url", "is required");
    }
    String url = request.url();
    if (url == null || url.isBlank() || url.length() > 2048) {
      throw ProblemException.badRequest("url", "is required, at most 2048 characters");
    }
    egress.checkUrl("url", url);
    String transport = request.transport() == null ? "streamable_http" : request.transport();
    if (!TRANSPORTS.contains(transport)) {
      throw ProblemException.badRequest("transport", "must be streamable_http or sse");
    }
    Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
    checkHeaders(headers);
    List<String> tools = request.enabledTools() == null ? List.of() : request.enabledTools();
    if (tools.size() > MAX_TOOLS
        || tools.stream().anyMatch(tool -> tool == null || tool.isBlank() || tool.length() > 128)) {
      throw ProblemException.badRequest(
          "enabled_tools", "at most " + MAX_TOOLS + " tool names of 1 to 128 characters");
    }
    Instant now = Instant.now();
    McpServerEntity entity =
        repository
            .find(owner, name)
            .orElseGet(
                () -> {
                  McpServerEntity created = new McpServerEntity();
                  created.owner = owner;
                  created.name = name;
                  created.createdAt = now;
                  return created;
                });
    entity.url = url;
    entity.transport = transport;
    entity.enabled = request.enabled() == null || request.enabled();
    entity.enabledTools = tools.isEmpty() ? null : json(tools);
    entity.headerNames = json(List.copyOf(headers.keySet()));
    KeyCipher.Sealed sealed =
        headers.isEmpty() ? null : cipher.seal(json(headers), boundTo(owner, name));
    entity.headersCiphertext = sealed == null ? null : sealed.ciphertext();
    entity.headersNonce = sealed == null ? null : sealed.nonce();
    entity.masterFingerprint = sealed == null ? null : sealed.fingerprint();
    entity.updatedAt = now;
    repository.persist(entity);
    recent.forgetAtCommit(owner, transaction);
    return view(entity);
  }

  /** The caller's servers, by name. */
  @Transactional
  public List<McpServerView> list(String owner) {
    return repository.ofOwner(owner).stream().map(this::view).toList();
  }

  /** The caller's server {@code name}; 404 when there is none. */
  @Transactional
  public McpServerView get(String owner, String name) {
    return view(entity(owner, name));
  }

  /** Deletes the caller's server {@code name}; 404 when there is none. */
  @Transactional
  public void delete(String owner, String name) {
    repository.delete(entity(owner, name));
    recent.forgetAtCommit(owner, transaction);
  }

  /** The caller's server {@code name}, decrypted, to connect to. */
  @Transactional
  public McpConnection connection(String owner, String name) {
    return connection(entity(owner, name));
  }

  /**
   * The caller's enabled servers, decrypted, for an ask (read in a transaction of its own when not
   * remembered: asks also run from Kafka, outside any request).
   */
  public List<McpConnection> enabled(String owner) {
    return recent
        .get(
            owner,
            o ->
                Optional.of(
                    QuarkusTransaction.joiningExisting()
                        .call(
                            () ->
                                repository.ofOwner(o).stream()
                                    .filter(entity -> entity.enabled)
                                    .map(this::connection)
                                    .toList())))
        .orElseThrow();
  }

  /**
   * The associated data of {@code owner}'s server {@code name}: header values moved to another row
   * or user, or swapped with a provider key's ciphertext, do not decrypt.
   */
  private static String boundTo(String owner, String name) {
    return "mcp-server\u0000" + KeyCipher.boundTo(owner, name);
  }

  private McpServerEntity entity(String owner, String name) {
    return repository.find(owner, name).orElseThrow(() -> ProblemException.notFound("mcp server"));
  }

  private McpConnection connection(McpServerEntity entity) {
    Map<String, String> headers =
        entity.headersCiphertext == null
            ? Map.of()
            : read(
                cipher.open(
                    new KeyCipher.Sealed(
                        entity.headersCiphertext, entity.headersNonce, entity.masterFingerprint),
                    boundTo(entity.owner, entity.name)),
                new TypeReference<Map<String, String>>() {});
    return new McpConnection(entity.name, entity.url, entity.transport, headers, tools(entity));
  }

  private McpServerView view(McpServerEntity entity) {
    Map<String, String> masked = new LinkedHashMap<>();
    Map<String, String> headers = connection(entity).headers();
    read(entity.headerNames, new TypeReference<List<String>>() {})
        .forEach(header -> masked.put(header, KeyCipher.mask(headers.getOrDefault(header, ""))));
    return new McpServerView(
        entity.name,
        entity.url,
        entity.transport,
        masked,
        tools(entity),
        entity.enabled,
        entity.createdAt,
        entity.updatedAt);
  }

  private static List<String> tools(McpServerEntity entity) {
    return entity.enabledTools == null
        ? List.of()
        : read(entity.enabledTools, new TypeReference<List<String>>() {});
  }

  static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ProblemException.badRequest(
          "name", "1 to 32 of a-z, 0-9 and '-', starting with a letter or digit");
    }
  }

  private static void checkHeaders(Map<String, String> headers) {
    if (headers.size() > MAX_HEADERS) {
      throw ProblemException.badRequest("headers", "at most " + MAX_HEADERS + " headers");
    }
    headers.forEach(
        (header, value) -> {
          if (!HEADER.matcher(header).matches()) {
            throw ProblemException.badRequest("headers", "'" + header + "' is no header name");
          }
          if (value == null || value.length() > 4096 || value.chars().anyMatch(c -> c < 0x20)) {
            throw ProblemException.badRequest(
                "headers." + header, "a value of at most 4096 characters, no control characters");
          }
        });
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored MCP server is unreadable", e);
    }
  }
}
