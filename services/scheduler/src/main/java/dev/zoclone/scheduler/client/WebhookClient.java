package dev.zoclone.scheduler.client;

import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.platform.egress.EgressRefusedException;
import dev.zoclone.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a fired event to a user's webhook, signed with HMAC-SHA256. The URL differs per automation,
 * so this is a plain JDK client rather than a typed REST client.
 *
 * <p>Receivers verify {@code X-Zo-Signature: sha256=<hex>} over {@code <X-Zo-Timestamp>.<body>}
 * with their secret, and dedupe on {@code X-Zo-Event-Id}.
 */
@ApplicationScoped
public class WebhookClient {
  /** Header carrying the signature. */
  public static final String SIGNATURE = "X-Zo-Signature";

  /** Header carrying the signing time, in Unix seconds. */
  public static final String TIMESTAMP = "X-Zo-Timestamp";

  /** Header carrying the event id, the same on every retry. */
  public static final String EVENT_ID = "X-Zo-Event-Id";

  /** Redirects one delivery follows at most, each checked by the egress policy. */
  static final int MAX_REDIRECTS = 3;

  private final HttpClient http;
  private final SchedulerConfig config;
  private final EgressPolicy egress;

  public WebhookClient(SchedulerConfig config, EgressPolicy egress) {
    this.config = config;
    this.egress = egress;
    this.http =
        HttpClient.newBuilder()
            // plain HTTP/1.1: no h2c upgrade dance with receivers that do not speak HTTP/2
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.webhook().timeout())
            // redirects are followed here, each hop checked by the egress policy
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends {@code body}; the future answers the HTTP status once the whole answer (headers and body)
   * has arrived, or fails with a {@link TimeoutException} at the deadline ({@code
   * zo.scheduler.webhook.timeout}, for every hop together), when the exchange is cancelled and its
   * connection closed. The URL, and every redirect's, must pass the {@link EgressPolicy}; a refused
   * one fails the future with an {@link EgressRefusedException}. A 307 or 308 is followed with the
   * same signed POST, a 301, 302 or 303 with a GET, as browsers do.
   */
  public CompletableFuture<Integer> post(
      URI url, String body, String secret, String eventId, Instant now) {
    String timestamp = Long.toString(now.getEpochSecond());
    Duration deadline = config.webhook().timeout();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(deadline)
            .header("Content-Type", "application/json")
            .header("User-Agent", "zoclone-scheduler")
            .header(EVENT_ID, eventId)
            .header(TIMESTAMP, timestamp)
            .header(SIGNATURE, signature(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
    CompletableFuture<Integer> status =
        hop(request, 0, current).orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    status.whenComplete(
        (code, error) -> {
          CompletableFuture<?> exchange = current.get();
          if (error != null && exchange != null) {
            exchange.cancel(true); // aborts the exchange and closes its connection
          }
        });
    return status;
  }

  /** One hop: checks the URL, sends, and follows a redirect with the next hop. */
  private CompletableFuture<Integer> hop(
      HttpRequest request, int hops, AtomicReference<CompletableFuture<?>> current) {
    try {
      egress.check(request.uri());
    } catch (EgressRefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    // discarding() completes only after the body's last byte: the deadline bounds the whole answer
    CompletableFuture<HttpResponse<Void>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    current.set(exchange);
    return exchange.thenCompose(
        response -> {
          Optional<String> location = response.headers().firstValue("Location");
          if (!isRedirect(response.statusCode()) || location.isEmpty()) {
            return CompletableFuture.completedFuture(response.statusCode());
          }
          if (hops >= MAX_REDIRECTS) {
            return CompletableFuture.failedFuture(
                new EgressRefusedException("more than " + MAX_REDIRECTS + " redirects"));
          }
          URI next;
          try {
            next = request.uri().resolve(new URI(location.get()));
          } catch (URISyntaxException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                new EgressRefusedException("the receiver redirected to a malformed URL"));
          }
          HttpRequest.Builder redirected =
              HttpRequest.newBuilder(request, (n, v) -> true).uri(next);
          boolean keepsPost = response.statusCode() == 307 || response.statusCode() == 308;
          return hop(keepsPost ? redirected.build() : redirected.GET().build(), hops + 1, current);
        });
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp.body} under {@code secret}. */
  public static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
