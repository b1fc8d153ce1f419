package dev.zoclone.agents.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * A provider that could not be reached, saying at which URL (without its query, which some
 * providers use for keys) and why: connection refused, DNS, TLS or another I/O failure.
 */
public final class ProviderUnreachable extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * The cause is described, not chained: LangChain4j maps a chain ending in an unresolved address
   * to an exception of its own that keeps only that root, and this message with it would be lost.
   */
  public ProviderUnreachable(String url, Throwable cause) {
    super("cannot reach " + withoutQuery(url) + ": " + reason(cause));
  }

  /** {@code url} without its query and fragment. */
  static String withoutQuery(String url) {
    try {
      URI uri = URI.create(url);
      return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null).toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "the provider";
    }
  }

  /** The cause in a user's words; the JDK reports a DNS failure as a refused connection. */
  static String reason(Throwable cause) {
    if (inChain(cause, UnresolvedAddressException.class)
        || inChain(cause, UnknownHostException.class)) {
      return "DNS lookup failed (unknown host)";
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        return "TLS failed (" + ssl.getMessage() + ")";
      }
    }
    if (inChain(cause, ConnectException.class)) {
      return "connection refused (nothing listens there)";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  private static boolean inChain(Throwable cause, Class<? extends Throwable> type) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
