package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.egress.AddressRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which URLs a page may reach. Only http and https (and their WebSockets) go to the
 * network, plus {@code about:blank} and {@code data:} pages; the host is resolved and every address
 * judged by the platform's shared {@link AddressRules} with {@code
 * zo.platform.egress.allow-private}. The browser adds the cloud metadata host names and the
 * operator's {@code zo.browser.allowed-hosts}, which may reach private addresses but never the ones
 * refused always.
 */
@ApplicationScoped
public class UrlPolicy {
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data", "metadata.azure.internal");

  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  @Inject
  public UrlPolicy(PlatformConfig platform, BrowserConfig config) {
    this(platform.egress().allowPrivate(), config.allowedHosts().orElse(List.of()));
  }

  UrlPolicy(boolean allowPrivate, List<String> allowedHosts) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts =
        Set.copyOf(allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
  }

  /** Why {@code url} is refused as a page address, or empty when a page may go there. */
  public Optional<String> refusePage(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.equals("about:blank") || lower.startsWith("data:")) {
      return Optional.empty();
    }
    return refuse(url);
  }

  /** Why a request to {@code url} is refused, or empty when it may be made. */
  public Optional<String> refuse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("data") || scheme.equals("blob")) {
      return Optional.empty();
    }
    if (!Set.of("http", "https", "ws", "wss").contains(scheme)) {
      return Optional.of("scheme '" + scheme + "' is not allowed (only http and https)");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of("the URL has no host");
    }
    return check(host).refusal();
  }

  /**
   * The decision on one host: refused with a reason, or allowed with the address to connect to (so
   * the connection goes to the address that was checked, whatever DNS answers later).
   */
  public HostDecision check(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]")
            ? host.substring(1, host.length() - 1)
            : host.toLowerCase(Locale.ROOT);
    if (METADATA_HOSTS.contains(bare)) {
      return HostDecision.refused("cloud metadata host " + bare + " is never allowed");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return HostDecision.refused("host " + bare + " does not resolve");
    }
    boolean privateAllowed = allowPrivate || allowedHosts.contains(bare);
    for (InetAddress address : addresses) {
      Optional<String> refusal = AddressRules.refusal(address, privateAllowed);
      if (refusal.isPresent()) {
        return HostDecision.refused(
            bare + " resolves to " + address.getHostAddress() + ", " + refusal.get());
      }
    }
    return new HostDecision(null, addresses[0]);
  }

  /** A refusal with its reason, or the checked address to connect to. */
  public record HostDecision(String reason, InetAddress address) {
    static HostDecision refused(String reason) {
      return new HostDecision(reason, null);
    }

    public Optional<String> refusal() {
      return Optional.ofNullable(reason);
    }
  }
}
