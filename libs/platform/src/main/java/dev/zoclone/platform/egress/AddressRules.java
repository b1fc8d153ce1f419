package dev.zoclone.platform.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which network addresses a request to a user-supplied URL may reach. Link-local, metadata,
 * unspecified, broadcast and multicast addresses are refused always; loopback, private, shared
 * (carrier-grade NAT) and unique-local addresses only when the deployment allows private ranges. An
 * IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the IPv4
 * address inside it.
 */
public final class AddressRules {
  private static final byte[] ALIBABA_METADATA = {100, 100, 100, (byte) 200};
  private static final byte[] AWS_METADATA_V6 = v6("fd00:ec2::254");

  private AddressRules() {}

  /**
   * Why {@code address} may not be reached, or empty when it may; {@code allowPrivate} widens the
   * rule to loopback, private, shared and unique-local ranges, never to the ones refused always.
   */
  public static Optional<String> refusal(InetAddress address, boolean allowPrivate) {
    InetAddress judged = embeddedIpv4(address).orElse(address);
    byte[] bytes = judged.getAddress();
    if (judged.isAnyLocalAddress() || isZeroNetwork(bytes)) {
      return Optional.of("the unspecified address");
    }
    if (judged.isLinkLocalAddress()
        || Arrays.equals(bytes, ALIBABA_METADATA)
        || Arrays.equals(bytes, AWS_METADATA_V6)) {
      return Optional.of("a link-local or cloud metadata address");
    }
    if (judged.isMulticastAddress() || isBroadcast(bytes)) {
      return Optional.of("a multicast or broadcast address");
    }
    if (!allowPrivate && isPrivate(judged, bytes)) {
      return Optional.of("a loopback or private address (this deployment does not allow them)");
    }
    return Optional.empty();
  }

  private static boolean isPrivate(InetAddress address, byte[] bytes) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
      return true;
    }
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return (first == 100 && second >= 64 && second <= 127) // shared address space, RFC 6598
          || (first == 198 && (second == 18 || second == 19)); // benchmarking, RFC 2544
    }
    return (bytes[0] & 0xfe) == 0xfc; // unique-local fc00::/7
  }

  private static boolean isZeroNetwork(byte[] bytes) {
    return bytes.length == 4 && bytes[0] == 0;
  }

  private static boolean isBroadcast(byte[] bytes) {
    return bytes.length == 4 && (bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff;
  }

  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16) && !isLoopbackV6(b);
    boolean nat64 = (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b);
    if (compatible || nat64) {
      return Optional.of(v4(b[12], b[13], b[14], b[15]));
    }
    if (b[0] == 0x20 && b[1] == 0x02) { // 6to4 2002:AABB:CCDD::/48
      return Optional.of(v4(b[2], b[3], b[4], b[5]));
    }
    return Optional.empty();
  }

  private static boolean isLoopbackV6(byte[] b) {
    return allZero(b, 0, 15) && b[15] == 1;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte a, byte b, byte c, byte d) {
    try {
      return InetAddress.getByAddress(new byte[] {a, b, c, d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static byte[] v6(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a literal address needs no lookup", e);
    }
  }
}
