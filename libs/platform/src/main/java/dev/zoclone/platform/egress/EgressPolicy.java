package dev.zoclone.platform.egress;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for requests the platform sends to URLs its users supply (a provider key's base URL,
 * webhooks, MCP servers): http or https only, and every address the host resolves to must be
 * allowed by {@link AddressRules}. A URL is checked when it is stored, again before each request,
 * and at every redirect, which {@link #send} follows itself. The window between the check and the
 * connection (a host whose DNS answer changes in between) remains; private ranges are refused
 * outside a laptop deployment so that window cannot reach the internal network by name alone.
 */
@Singleton
public class EgressPolicy {
  private final boolean allowPrivate;

  @Inject
  public EgressPolicy(PlatformConfig config) {
    this(config.egress().allowPrivate());
  }

  /** A policy that allows loopback and private addresses or not. */
  public EgressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * Checks a URL a user is storing in {@code field}; a refused one is a 400 problem of type {@code
   * egress-refused} naming the field.
   */
  public void checkUrl(String field, String url) {
    try {
      check(parse(url));
    } catch (EgressRefusedException e) {
      throw new ProblemException(
          400,
          "egress-refused",
          "URL not allowed",
          field + ": " + e.getMessage(),
          List.of(new FieldError(field, e.getMessage())));
    }
  }

  /** The addresses {@code url} may be reached at; refuses a URL with any refused address. */
  public List<InetAddress> check(URI url) {
    String scheme = Optional.ofNullable(url.getScheme()).orElse("");
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new EgressRefusedException("only http and https URLs are allowed");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw new EgressRefusedException("the URL names no host");
    }
    List<InetAddress> addresses = resolve(host);
    for (InetAddress address : addresses) {
      Optional<String> refusal = AddressRules.refusal(address, allowPrivate);
      if (refusal.isPresent()) {
        throw new EgressRefusedException(
            host + " is " + refusal.get() + " (" + address.getHostAddress() + ")");
      }
    }
    return addresses;
  }

  /**
   * Sends {@code request} with {@code client} (which must not follow redirects itself), checking
   * the URL first and following at most {@code maxRedirects} redirects, each checked again.
   * Authorization headers are not carried to another origin.
   */
  public <T> HttpResponse<T> send(
      HttpClient client, HttpRequest request, BodyHandler<T> handler, int maxRedirects)
      throws IOException, InterruptedException {
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      check(current.uri());
      HttpResponse<T> response = client.send(current, handler);
      Optional<String> location = response.headers().firstValue("Location");
      if (!isRedirect(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      discard(response.body());
      if (hop >= maxRedirects) {
        throw new EgressRefusedException("more than " + maxRedirects + " redirects");
      }
      current = redirected(current, location.get(), response.statusCode());
    }
  }

  private static HttpRequest redirected(HttpRequest from, String location, int status) {
    URI next;
    try {
      next = from.uri().resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new EgressRefusedException("the server redirected to a malformed URL");
    }
    boolean sameOrigin =
        Objects.equals(next.getScheme(), from.uri().getScheme())
            && Objects.equals(next.getHost(), from.uri().getHost())
            && next.getPort() == from.uri().getPort();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                from, (name, value) -> sameOrigin || !name.equalsIgnoreCase("authorization"))
            .uri(next);
    boolean keepsMethod = status == 307 || status == 308 || from.method().equals("GET");
    return keepsMethod ? builder.build() : builder.GET().build();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static void discard(Object body) throws IOException {
    if (body instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new EgressRefusedException("not a valid URL");
    }
  }

  private static List<InetAddress> resolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      throw new EgressRefusedException("the host " + host + " could not be resolved");
    }
  }
}
