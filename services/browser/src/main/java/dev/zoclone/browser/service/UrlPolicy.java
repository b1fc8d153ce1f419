package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which URLs a page may reach. Only http and https go to the network (plus {@code
 * about:blank} and {@code data:} pages); the host is resolved and every address checked: link-local
 * and cloud metadata addresses are always refused, private, loopback and unique-local ones unless
 * the deployment allows them.
 */
@ApplicationScoped
public class UrlPolicy {
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data", "metadata.azure.internal");
  private static final Set<String> METADATA_ADDRESSES =
      Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  @Inject
  public UrlPolicy(BrowserConfig config) {
    this(config.allowPrivate(), config.allowedHosts().orElse(List.of()));
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
    return refuseHost(host.toLowerCase(Locale.ROOT));
  }

  private Optional<String> refuseHost(String host) {
    return check(host).refusal();
  }

  /**
   * The decision on one host: refused with a reason, or allowed with the address to connect to (so
   * the connection goes to the address that was checked, whatever DNS answers later).
   */
  public HostDecision check(String host) {
    String bare =
        host.startsWith("[") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
    if (METADATA_HOSTS.contains(bare)) {
      return HostDecision.refused("cloud metadata host " + bare + " is never allowed");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return HostDecision.refused("host " + bare + " does not resolve");
    }
    boolean allowedHost = allowedHosts.contains(bare);
    for (InetAddress address : addresses) {
      AddressKind kind = classify(address);
      if (kind == AddressKind.ALWAYS_REFUSED) {
        return HostDecision.refused(
            bare
                + " resolves to "
                + address.getHostAddress()
                + ", a link-local or metadata address");
      }
      if (kind == AddressKind.PRIVATE && !allowPrivate && !allowedHost) {
        return HostDecision.refused(
            bare
                + " resolves to "
                + address.getHostAddress()
                + ", a private or loopback address (ZO_BROWSER_ALLOW_PRIVATE is off)");
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

  /** What kind of address a page is asking for. */
  enum AddressKind {
    PUBLIC,
    PRIVATE,
    ALWAYS_REFUSED
  }

  static AddressKind classify(InetAddress address) {
    if (METADATA_ADDRESSES.contains(address.getHostAddress())
        || address.isLinkLocalAddress()
        || address.isMulticastAddress()) {
      return AddressKind.ALWAYS_REFUSED;
    }
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()) {
      return AddressKind.PRIVATE;
    }
    byte[] raw = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = raw[0] & 0xff;
      int second = raw[1] & 0xff;
      boolean carrierNat = first == 100 && second >= 64 && second < 128;
      boolean thisNetwork = first == 0;
      boolean benchmarking = first == 198 && (second == 18 || second == 19);
      return carrierNat || thisNetwork || benchmarking ? AddressKind.PRIVATE : AddressKind.PUBLIC;
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (raw[0] & 0xfe) == 0xfc;
      return uniqueLocal ? AddressKind.PRIVATE : AddressKind.PUBLIC;
    }
    return AddressKind.PUBLIC;
  }
}
