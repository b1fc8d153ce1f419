package dev.zoclone.browser.service;

import com.microsoft.playwright.options.Proxy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP proxy every session's Chromium talks through, on 127.0.0.1: each connection (a plain
 * HTTP request, or a CONNECT tunnel for HTTPS and WebSockets) is checked against the {@link
 * UrlPolicy} and made to the very address that was checked. Unlike route interception, it also sees
 * every hop of a redirect chain. Sessions authenticate with credentials of their own, so a refusal
 * is reported to the session whose page asked.
 */
@ApplicationScoped
public class EgressProxy {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authorization",
          "proxy-authenticate",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private final Vertx vertx;
  private final UrlPolicy policy;
  private final Map<String, BrowserSession> byCredentials = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private HttpServer server;
  private HttpClient client;
  private NetClient net;

  public EgressProxy(Vertx vertx, UrlPolicy policy) {
    this.vertx = vertx;
    this.policy = policy;
  }

  void start(@Observes StartupEvent event) {
    client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64));
    net = vertx.createNetClient();
    server =
        vertx
            .createHttpServer()
            .requestHandler(this::handle)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    Log.infof("browser egress proxy on 127.0.0.1:%d", server.actualPort());
  }

  void stop(@Observes ShutdownEvent event) {
    if (server != null) {
      server.close();
    }
  }

  /** The proxy settings of a new session's context, with credentials of its own. */
  Proxy register(BrowserSession session) {
    String password = HexFormat.of().formatHex(bytes());
    String token = session.id() + ":" + password;
    byCredentials.put(
        Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)), session);
    return new Proxy("http://127.0.0.1:" + server.actualPort())
        .setUsername(session.id())
        .setPassword(password)
        .setBypass("<-loopback>");
  }

  void unregister(BrowserSession session) {
    byCredentials.values().removeIf(s -> s == session);
  }

  private byte[] bytes() {
    byte[] raw = new byte[24];
    random.nextBytes(raw);
    return raw;
  }

  private void handle(HttpServerRequest request) {
    request.pause();
    String auth = request.getHeader("Proxy-Authorization");
    BrowserSession session =
        auth != null && auth.startsWith("Basic ")
            ? byCredentials.get(auth.substring(6).trim())
            : null;
    if (session == null) {
      request
          .response()
          .setStatusCode(407)
          .putHeader("Proxy-Authenticate", "Basic realm=\"zo-browser\"")
          .end();
      return;
    }
    if (request.method() == HttpMethod.CONNECT) {
      tunnel(request, session);
    } else {
      forward(request, session);
    }
  }

  private void tunnel(HttpServerRequest request, BrowserSession session) {
    String authority = request.uri();
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      request.response().setStatusCode(400).end();
      return;
    }
    String host = authority.substring(0, colon);
    int port = Integer.parseInt(authority.substring(colon + 1));
    String shown = (port == 443 ? "https://" : "//") + authority;
    decide(host)
        .onSuccess(
            decision -> {
              if (decision.reason() != null) {
                refuse(request, session, shown);
                return;
              }
              net.connect(port, decision.address().getHostAddress())
                  .onSuccess(
                      upstream ->
                          request
                              .toNetSocket()
                              .onSuccess(
                                  browserSide -> {
                                    browserSide.pipeTo(upstream);
                                    upstream.pipeTo(browserSide);
                                  })
                              .onFailure(e -> upstream.close()))
                  .onFailure(e -> request.response().setStatusCode(502).end());
            })
        .onFailure(e -> request.response().setStatusCode(502).end());
  }

  private void forward(HttpServerRequest request, BrowserSession session) {
    URI uri;
    try {
      uri = URI.create(request.uri());
    } catch (IllegalArgumentException e) {
      request.response().setStatusCode(400).end();
      return;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      request.response().setStatusCode(400).end();
      return;
    }
    String url = uri.toString();
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    decide(uri.getHost())
        .onSuccess(
            decision -> {
              if (decision.reason() != null) {
                refuse(request, session, url);
                return;
              }
              RequestOptions options =
                  new RequestOptions()
                      .setMethod(request.method())
                      .setHost(decision.address().getHostAddress())
                      .setPort(port)
                      .setURI(pathAndQuery)
                      .setHeaders(endToEnd(request.headers()))
                      .putHeader("Host", uri.getRawAuthority());
              client
                  .request(options)
                  .compose(upstream -> upstream.send(request))
                  .onSuccess(
                      answer -> {
                        var response = request.response().setStatusCode(answer.statusCode());
                        response.headers().addAll(endToEnd(answer.headers()));
                        if (answer.getHeader("Content-Length") == null) {
                          response.setChunked(true);
                        }
                        answer.pipeTo(response);
                      })
                  .onFailure(e -> request.connection().close());
            })
        .onFailure(e -> request.connection().close());
  }

  private io.vertx.core.Future<UrlPolicy.HostDecision> decide(String host) {
    return vertx.executeBlocking(() -> policy.check(host), false);
  }

  /** Closes the connection, so the page sees a network error, and tells the session why. */
  private static void refuse(HttpServerRequest request, BrowserSession session, String url) {
    session.events().refused(url);
    request.connection().close();
  }

  private static MultiMap endToEnd(MultiMap headers) {
    MultiMap copy = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(
        (name, value) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
              && !name.equalsIgnoreCase("host")) {
            copy.add(name, value);
          }
        });
    return copy;
  }
}
