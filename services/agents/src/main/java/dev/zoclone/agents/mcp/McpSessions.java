package dev.zoclone.agents.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.DefaultMcpStreamableServerSessionFactory;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The MCP sessions of this replica, each bound to the user who initialized it: the SDK's streamable
 * session with ZoClone's handlers (tools, resources, prompts). A session is found only by its own
 * user, and forgotten after {@code zo.agents.mcp.session-idle-timeout} unused.
 */
@ApplicationScoped
public class McpSessions {
  /** The protocol versions served, oldest first; the newest is offered to other clients. */
  static final List<String> VERSIONS =
      List.of(
          ProtocolVersions.MCP_2025_03_26,
          ProtocolVersions.MCP_2025_06_18,
          ProtocolVersions.MCP_2025_11_25);

  private final Map<String, Owned> sessions = new ConcurrentHashMap<>();
  private final McpStreamableServerSession.Factory factory;
  private final Duration idleTimeout;

  /** A session and its user. */
  record Owned(McpStreamableServerSession session, String owner, Instant[] lastUsed) {}

  public McpSessions(McpTools tools, McpResources resources, McpPrompts prompts, McpConfig config) {
    this.idleTimeout = config.sessionIdleTimeout();
    Map<String, McpRequestHandler<?>> requests =
        deferred(
            Map.of(
                McpSchema.METHOD_PING, (exchange, params) -> Mono.just(Map.of()),
                McpSchema.METHOD_TOOLS_LIST, tools.list(),
                McpSchema.METHOD_TOOLS_CALL, tools.call(),
                McpSchema.METHOD_RESOURCES_LIST, resources.list(),
                McpSchema.METHOD_RESOURCES_TEMPLATES_LIST, resources.templates(),
                McpSchema.METHOD_RESOURCES_READ, resources.read(),
                McpSchema.METHOD_PROMPT_LIST, prompts.list(),
                McpSchema.METHOD_PROMPT_GET, prompts.get()));
    McpNotificationHandler ignored = (exchange, params) -> Mono.empty();
    // Cancellation is done by the resource, which holds the call; the session only hears of it.
    Map<String, McpNotificationHandler> notifications =
        Map.of(
            McpSchema.METHOD_NOTIFICATION_INITIALIZED, ignored,
            McpCalls.CANCELLED, ignored);
    this.factory =
        new DefaultMcpStreamableServerSessionFactory(
            Duration.ofMinutes(1),
            McpSessions::initialize,
            requests,
            notifications,
            id -> {
              sessions.remove(id);
              return Mono.empty();
            },
            new McpSchemaValidator());
  }

  /** Starts a session for {@code owner}; answers it with the result to send. */
  McpStreamableServerSession.McpStreamableServerSessionInit start(
      String owner, InitializeRequest request) {
    Instant now = Instant.now();
    sessions.values().removeIf(owned -> owned.lastUsed()[0].plus(idleTimeout).isBefore(now));
    McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(request);
    sessions.put(init.session().getId(), new Owned(init.session(), owner, new Instant[] {now}));
    return init;
  }

  /** The session {@code id} if {@code owner} started it. */
  Optional<McpStreamableServerSession> find(String owner, String id) {
    Owned owned = id == null ? null : sessions.get(id);
    if (owned == null || !owned.owner().equals(owner)) {
      return Optional.empty();
    }
    owned.lastUsed()[0] = Instant.now();
    return Optional.of(owned.session());
  }

  /** Ends the session {@code id}. */
  void end(String id) {
    Owned owned = sessions.remove(id);
    if (owned != null) {
      owned.session().delete().block();
    }
  }

  /**
   * Each handler run inside the Mono it answers, so that what it throws (an unknown tool, a bad
   * cursor) becomes the JSON-RPC error of its request instead of ending the stream unanswered.
   */
  private static Map<String, McpRequestHandler<?>> deferred(
      Map<String, McpRequestHandler<?>> handlers) {
    Map<String, McpRequestHandler<?>> deferred = new java.util.HashMap<>();
    handlers.forEach(
        (method, handler) ->
            deferred.put(
                method,
                (McpRequestHandler<Object>)
                    (exchange, params) ->
                        Mono.defer(() -> handler.handle(exchange, params))
                            .map(Object.class::cast)));
    return Map.copyOf(deferred);
  }

  private static Mono<InitializeResult> initialize(InitializeRequest request) {
    String version =
        VERSIONS.contains(request.protocolVersion())
            ? request.protocolVersion()
            : VERSIONS.get(VERSIONS.size() - 1);
    return Mono.just(
        new InitializeResult(
            version,
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .build(),
            new McpSchema.Implementation("zoclone", "0.1.0"),
            "ZoClone's tools (memory, conversations, agents, automations, jobs, skills, browser,"
                + " processes) run as your user; your conversations and memories are resources"
                + " and your skills are prompts.",
            null));
  }

  /** The JSON mapper the SDK reads and writes messages with. */
  @jakarta.enterprise.inject.Produces
  @jakarta.inject.Singleton
  static McpJsonMapper mapper() {
    return new io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper(
        new com.fasterxml.jackson.databind.ObjectMapper());
  }
}
