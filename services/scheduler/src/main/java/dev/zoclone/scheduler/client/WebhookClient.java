package dev.zoclone.scheduler.client;

import dev.zoclone.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private final HttpClient http;
  private final SchedulerConfig config;

  public WebhookClient(SchedulerConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            // plain HTTP/1.1: no h2c upgrade dance with receivers that do not speak HTTP/2
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.webhook().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends {@code body}; the future answers the HTTP status once the whole answer (headers and body)
   * has arrived, or fails with a {@link TimeoutException} at the deadline ({@code
   * zo.scheduler.webhook.timeout}), when the exchange is cancelled and its connection closed.
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
    // discarding() completes only after the body's last byte: the deadline bounds the whole answer
    CompletableFuture<HttpResponse<Void>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    CompletableFuture<Integer> status =
        exchange
            .thenApply(HttpResponse::statusCode)
            .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    status.whenComplete(
        (code, error) -> {
          if (error != null) {
            exchange.cancel(true); // aborts the exchange and closes its connection
          }
        });
    return status;
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
