package dev.zoclone.browser.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's decisions on literal addresses (nothing is contacted). */
class UrlPolicyRulesTest {
  private final UrlPolicy refusing = new UrlPolicy(false, List.of("127.0.0.1"));
  private final UrlPolicy allowing = new UrlPolicy(true, List.of());

  @Test
  void linkLocalAndMetadataAreRefusedEvenWhenPrivateIsAllowed() {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.1.1/",
            "http://[fe80::1]/",
            "http://100.100.100.200/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://[fd00:ec2::254]/",
            "http://0.0.0.0/",
            "http://255.255.255.255/",
            "http://224.0.0.1/")) {
      assertThat(allowing.refuse(url)).as(url).isPresent();
      assertThat(refusing.refuse(url)).as(url).isPresent();
    }
  }

  @Test
  void privateRangesAreRefusedUnlessAllowed() {
    for (String url :
        List.of(
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://127.0.0.2/",
            "http://[::1]/",
            "http://[fd12:3456::1]/",
            "http://100.64.0.1/",
            "ws://10.0.0.1/socket")) {
      assertThat(refusing.refuse(url)).as(url).isPresent();
      assertThat(allowing.refuse(url)).as(url).isEmpty();
    }
  }

  @Test
  void anIpv4AddressHiddenInIpv6IsJudgedByTheIpv4Address() {
    for (String url :
        List.of(
            "http://[::ffff:169.254.169.254]/latest/meta-data/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[::169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:a9fe:a9fe::1]/",
            "ws://[::ffff:100.100.100.200]/")) {
      assertThat(allowing.refuse(url)).as(url).get().asString().contains("metadata");
      assertThat(refusing.refuse(url)).as(url).isPresent();
    }
    assertThat(refusing.refuse("http://[::ffff:10.0.0.1]/")).get().asString().contains("private");
    assertThat(refusing.refuse("http://[64:ff9b::7f00:2]/")).isPresent();
  }

  @Test
  void anAllowedHostReachesPrivateButNeverMetadataAddresses() {
    UrlPolicy namingThem = new UrlPolicy(false, List.of("169.254.169.254", "0.0.0.0", "10.0.0.1"));
    assertThat(namingThem.refuse("http://169.254.169.254/")).isPresent();
    assertThat(namingThem.refuse("http://0.0.0.0/")).isPresent();
    assertThat(namingThem.refuse("http://10.0.0.1/")).isEmpty();
  }

  @Test
  void anAllowedHostPassesButOnlyByItsExactName() {
    assertThat(refusing.refuse("http://127.0.0.1:8080/")).isEmpty();
    assertThat(refusing.refuse("http://localhost:8080/")).isPresent();
  }

  @Test
  void onlyHttpSchemesReachTheNetwork() {
    assertThat(refusing.refusePage("about:blank")).isEmpty();
    assertThat(refusing.refusePage("data:text/html,hi")).isEmpty();
    assertThat(allowing.refuse("file:///etc/passwd")).isPresent();
    assertThat(allowing.refuse("ftp://8.8.8.8/")).isPresent();
    assertThat(allowing.refuse("javascript:alert(1)")).isPresent();
    assertThat(allowing.refusePage("chrome://crash")).isPresent();
  }

  @Test
  void publicAddressesAreAllowed() {
    assertThat(refusing.refuse("http://8.8.8.8/")).isEmpty();
    assertThat(refusing.refuse("http://[2606:4700::1111]/")).isEmpty();
    assertThat(refusing.refuse("https://93.184.215.14/")).isEmpty();
    assertThat(refusing.check("8.8.8.8").address().getHostAddress()).isEqualTo("8.8.8.8");
  }
}
