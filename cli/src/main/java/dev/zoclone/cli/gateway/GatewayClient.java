package dev.zoclone.cli.gateway;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * Calls the gateway's JSON API with a bearer token and turns every failure into a {@link
 * CliFailure}.
 */
public final class GatewayClient {
  /** How long to wait for a connection before calling the gateway unreachable. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a request may take unless a command asks for longer. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final String EVENTS = "text/event-stream, application/problem+json";

  private final URI baseUrl;
  private final String token;
  private final String tokenSource;
  private final CliFailure missingToken;
  private final Duration requestTimeout;
  private final HttpClient http;

  /** A client calling with {@code token}, read from {@code tokenSource} (e.g. ZO_TOKEN). */
  public GatewayClient(URI baseUrl, String token, String tokenSource) {
    this(baseUrl, token, tokenSource, null, REQUEST_TIMEOUT);
  }

  private GatewayClient(
      URI baseUrl,
      String token,
      String tokenSource,
      CliFailure missingToken,
      Duration requestTimeout) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.tokenSource = tokenSource;
    this.missingToken = missingToken;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * A client without a token, which throws {@code missingToken} when the gateway asks for one; so
   * an unreachable gateway is still reported as such, and public routes still work.
   */
  public static GatewayClient withoutToken(URI baseUrl, CliFailure missingToken) {
    return new GatewayClient(baseUrl, null, null, missingToken, REQUEST_TIMEOUT);
  }

  /** The same client, but letting each request take up to {@code timeout}, for slow routes. */
  public GatewayClient withRequestTimeout(Duration timeout) {
    return new GatewayClient(baseUrl, token, tokenSource, missingToken, timeout);
  }

  /** Where the token came from (--token, ZO_TOKEN, a file), empty when calling without one. */
  public java.util.Optional<String> tokenSource() {
    return java.util.Optional.ofNullable(tokenSource);
  }

  /** {@code raw} escaped for use as one segment of a path, such as an id. */
  public static String pathSegment(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public GatewayResponse get(String path) {
    return send("GET", path, null);
  }

  public GatewayResponse post(String path, Object body) {
    return send("POST", path, body);
  }

  public GatewayResponse delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * Sends {@code body} (null for none) as JSON and answers the response when its status is below
   * 400.
   */
  public GatewayResponse send(String method, String path, Object body) {
    HttpRequest.Builder request = request(path);
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    }
    return answer(request);
  }

  /** POSTs raw bytes of {@code contentType} (such as an archive), answering like {@link #send}. */
  public GatewayResponse postBytes(String path, byte[] body, String contentType) {
    return answer(
        request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
  }

  /**
   * Like {@link #postBytes(String, byte[], String)}, telling {@code sent} how many bytes went to
   * the connection so far (in 64 KiB steps) while the body is being sent.
   */
  public GatewayResponse postBytes(
      String path, byte[] body, String contentType, LongConsumer sent) {
    Iterable<byte[]> chunks = () -> new Chunks(body, sent);
    return answer(
        request(path)
            .header("Content-Type", contentType)
            .POST(BodyPublishers.fromPublisher(BodyPublishers.ofByteArrays(chunks), body.length)));
  }

  /** A body in 64 KiB pieces, counting what it has handed out. */
  private static final class Chunks implements Iterator<byte[]> {
    private static final int SIZE = 64 * 1024;
    private final byte[] body;
    private final LongConsumer sent;
    private int offset;

    Chunks(byte[] body, LongConsumer sent) {
      this.body = body;
      this.sent = sent;
    }

    @Override
    public boolean hasNext() {
      return offset < body.length;
    }

    @Override
    public byte[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int end = Math.min(body.length, offset + SIZE);
      byte[] chunk = Arrays.copyOfRange(body, offset, end);
      offset = end;
      sent.accept(offset);
      return chunk;
    }
  }

  private HttpRequest.Builder request(String path) {
    return request(path, "application/json, application/problem+json");
  }

  /** A request to {@code path} accepting {@code accept}, with the token when there is one. */
  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", accept);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private GatewayResponse answer(HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(request.build());
    String responseBody = response.body() == null ? "" : response.body();
    if (response.statusCode() == 401 && token == null) {
      throw missingToken;
    }
    if (response.statusCode() >= 400) {
      throw failure(
          response.statusCode(), responseBody, response.headers().firstValue("Retry-After"));
    }
    return new GatewayResponse(response.statusCode(), responseBody);
  }

  /**
   * POSTs {@code body} as JSON and answers the response's bytes (an image, a PDF) when its status
   * is below 400.
   */
  public byte[] postForBytes(String path, Object body) {
    HttpRequest request =
        request(path, "*/*")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
            .build();
    HttpResponse<byte[]> response = exchange(request, BodyHandlers.ofByteArray());
    if (response.statusCode() == 401 && token == null) {
      throw missingToken;
    }
    if (response.statusCode() >= 400) {
      throw failure(
          response.statusCode(),
          new String(response.body(), StandardCharsets.UTF_8),
          response.headers().firstValue("Retry-After"));
    }
    return response.body();
  }

  /**
   * POSTs {@code body} asking for {@code text/event-stream} and hands each server-sent event to
   * {@code onEvent} as it arrives; an error answer fails like {@link #send} does.
   */
  public void stream(String path, Object body, SseListener onEvent) {
    readEvents(
        request(path, EVENTS)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
            .build(),
        onEvent);
  }

  /**
   * GETs {@code path} as {@code text/event-stream} and hands each event to {@code onEvent} until
   * the gateway ends the stream; no time limit once the stream has begun.
   */
  public void follow(String path, SseListener onEvent) {
    readEvents(request(path, EVENTS).GET().build(), onEvent);
  }

  /** Sends {@code request} and parses its server-sent events; an error answer fails as in send. */
  private void readEvents(HttpRequest request, SseListener onEvent) {
    HttpResponse<java.util.stream.Stream<String>> response =
        exchange(request, BodyHandlers.ofLines());
    try (java.util.stream.Stream<String> lines = response.body()) {
      if (response.statusCode() == 401 && token == null) {
        throw missingToken;
      }
      if (response.statusCode() >= 400) {
        throw failure(
            response.statusCode(),
            String.join("\n", lines.toList()),
            response.headers().firstValue("Retry-After"));
      }
      SseParser parser = new SseParser(onEvent);
      lines.forEach(parser::line);
      parser.end();
    } catch (java.io.UncheckedIOException e) {
      throw new CliFailure(
          ExitCodes.FAILURE, "the stream from the gateway at " + baseUrl + " broke: " + e, e);
    }
  }

  /** The gateway's base URL, as given. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Receives one server-sent event. */
  @FunctionalInterface
  public interface SseListener {
    /** {@code event} is the event's name ({@code message} when unnamed), {@code data} its data. */
    void onEvent(String event, String data);
  }

  private CliFailure failure(int status, String body, java.util.Optional<String> retryAfter) {
    String message = ProblemMessage.describe(status, body, retryAfter);
    if (status == 401 && tokenSource != null) {
      message += " (the token came from " + tokenSource + ")";
    }
    return new CliFailure(
        ExitCodes.FAILURE,
        message,
        new GatewayProblem(status, ProblemMessage.type(body).orElse(null), message, body));
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    return exchange(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new CliFailure(
          ExitCodes.FAILURE,
          "the gateway at "
              + baseUrl
              + " did not answer within "
              + requestTimeout.toSeconds()
              + "s",
          e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnresolvedAddressException) {
        throw unreachable(e);
      }
      throw new CliFailure(
          ExitCodes.FAILURE, "the request to the gateway at " + baseUrl + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILURE, "interrupted while waiting for the gateway", e);
    }
  }

  private CliFailure unreachable(Exception cause) {
    return new CliFailure(
        ExitCodes.UNREACHABLE,
        "cannot reach the gateway at " + baseUrl + " — is it running? try: bin/zo up",
        cause);
  }
}
