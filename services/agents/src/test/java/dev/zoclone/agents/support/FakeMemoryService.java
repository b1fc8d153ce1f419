package dev.zoclone.agents.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.ConversationRef;
import dev.zoclone.contract.memory.MemorizeResponse;
import dev.zoclone.contract.memory.RecallResponse;
import dev.zoclone.contract.memory.RecalledMemory;
import dev.zoclone.contract.memory.StartedConversation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small memory service over real HTTP that honours {@code dev.zoclone.contract.memory}: owners
 * see only their conversations (404 otherwise), context returns the summary, the recent turns that
 * fit the budget (about four characters a token) and, as overflow, older turns not yet summarised.
 */
public final class FakeMemoryService implements AutoCloseable {
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static final Pattern CONVERSATION =
      Pattern.compile("/internal/v1/conversations/([^/]+)/(messages|context|summary)");

  /** The real memory service's {@code quarkus.http.limits.max-body-size}. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final HttpServer server;
  private final String secret;
  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final Map<String, List<RecalledMemory>> memories = new ConcurrentHashMap<>();

  /** One stored conversation. */
  public static final class Conversation {
    public final String owner;
    public final List<ConversationMessage> messages = new CopyOnWriteArrayList<>();
    public volatile String summary;
    public volatile String coversUntil;

    Conversation(String owner) {
      this.owner = owner;
    }
  }

  public FakeMemoryService(String secret) {
    this.secret = secret;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The conversation with {@code id}, or null. */
  public Conversation conversation(String id) {
    return conversations.get(id);
  }

  /** Every conversation of {@code owner}. */
  public List<Conversation> conversationsOf(String owner) {
    return conversations.values().stream().filter(c -> c.owner.equals(owner)).toList();
  }

  /** Seeds a conversation for {@code owner} with turns; returns its id. */
  public String seed(String owner, List<String[]> roleAndContent) {
    String id = UUID.randomUUID().toString();
    Conversation conversation = new Conversation(owner);
    roleAndContent.forEach(
        rc ->
            conversation.messages.add(
                stored(new ConversationMessage(null, rc[0], rc[1], null, null, null))));
    conversations.put(id, conversation);
    return id;
  }

  /** Seeds a memory for {@code owner}. */
  public void remember(String owner, String content) {
    memories
        .computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>())
        .add(new RecalledMemory(UUID.randomUUID().toString(), content, Map.of(), 1.0));
  }

  /** The owner's memories. */
  public List<String> memoriesOf(String owner) {
    return memories.getOrDefault(owner, List.of()).stream().map(RecalledMemory::content).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!secret.equals(exchange.getRequestHeaders().getFirst(ZoHeaders.INTERNAL_SECRET))) {
        send(exchange, 401, Map.of("title", "no secret"));
        return;
      }
      String user = exchange.getRequestHeaders().getFirst(ZoHeaders.USER);
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (raw.length > MAX_BODY_BYTES) {
        // As the real memory service answers a body over its limit (1M), connection closed.
        exchange.getResponseHeaders().add("Connection", "close");
        send(exchange, 413, Map.of("title", "Request body too large", "status", 413));
        return;
      }
      JsonNode body = JSON.readTree(raw);
      if (path.equals("/internal/v1/conversations") && method.equals("POST")) {
        String id = UUID.randomUUID().toString();
        conversations.put(id, new Conversation(user));
        send(exchange, 201, new ConversationRef(id));
        return;
      }
      if (path.equals("/internal/v1/conversations/start") && method.equals("POST")) {
        String id = UUID.randomUUID().toString();
        Conversation conversation = new Conversation(user);
        conversations.put(id, conversation);
        send(exchange, 201, new StartedConversation(id, context(user, conversation, body)));
        return;
      }
      if (path.equals("/api/v1/memories") && method.equals("POST")) {
        String id = UUID.randomUUID().toString();
        memories
            .computeIfAbsent(user, o -> new CopyOnWriteArrayList<>())
            .add(new RecalledMemory(id, body.path("content").asText(), Map.of(), 1.0));
        send(exchange, 201, new MemorizeResponse(id, null));
        return;
      }
      if (path.equals("/api/v1/memories/recall") && method.equals("POST")) {
        send(
            exchange,
            200,
            new RecallResponse(
                recall(user, body.path("query").asText(), body.path("top_k").asInt(5))));
        return;
      }
      Matcher m = CONVERSATION.matcher(path);
      if (!m.matches()) {
        send(exchange, 404, Map.of("title", "no route"));
        return;
      }
      Conversation conversation = conversations.get(m.group(1));
      if (conversation == null || !conversation.owner.equals(user)) {
        send(exchange, 404, Map.of("title", "Not found"));
        return;
      }
      switch (m.group(2)) {
        case "messages" -> {
          for (JsonNode message : body.path("messages")) {
            conversation.messages.add(stored(JSON.treeToValue(message, ConversationMessage.class)));
          }
          send(exchange, 204, null);
        }
        case "summary" -> {
          conversation.summary = body.path("summary").asText();
          conversation.coversUntil = body.path("covers_until").asText();
          send(exchange, 204, null);
        }
        default -> send(exchange, 200, context(user, conversation, body));
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      send(exchange, 500, Map.of("title", e.toString()));
    }
  }

  private ContextResponse context(String user, Conversation conversation, JsonNode body) {
    int budget = body.path("token_budget").asInt(1000);
    List<ConversationMessage> uncovered = new ArrayList<>(conversation.messages);
    if (conversation.coversUntil != null) {
      int covered = -1;
      for (int i = 0; i < uncovered.size(); i++) {
        if (uncovered.get(i).id().equals(conversation.coversUntil)) {
          covered = i;
        }
      }
      uncovered = new ArrayList<>(uncovered.subList(covered + 1, uncovered.size()));
    }
    int used = 0;
    int start = uncovered.size();
    while (start > 0) {
      ConversationMessage candidate = uncovered.get(start - 1);
      int tokens = (candidate.content() == null ? 0 : candidate.content().length()) / 4 + 1;
      if (used + tokens > budget) {
        break;
      }
      used += tokens;
      start--;
    }
    return new ContextResponse(
        conversation.summary,
        uncovered.subList(start, uncovered.size()),
        recall(user, body.path("message").asText(), body.path("top_k").asInt(0)),
        uncovered.subList(0, start));
  }

  private List<RecalledMemory> recall(String user, String query, int topK) {
    List<String> words =
        Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\W+"))
            .filter(w -> w.length() > 3)
            .toList();
    return memories.getOrDefault(user, List.of()).stream()
        .filter(m -> words.stream().anyMatch(w -> m.content().toLowerCase(Locale.ROOT).contains(w)))
        .limit(topK)
        .toList();
  }

  private static ConversationMessage stored(ConversationMessage m) {
    return new ConversationMessage(
        UUID.randomUUID().toString(),
        m.role(),
        m.content(),
        m.toolCalls(),
        m.toolCallId(),
        Instant.now());
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
