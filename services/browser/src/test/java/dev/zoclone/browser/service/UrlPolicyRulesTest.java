package dev.zoclone.browser.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
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
            "http://[fd00:ec2::254]/")) {
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
            "http://0.0.0.0/",
            "http://100.64.0.1/",
            "ws://10.0.0.1/socket")) {
      assertThat(refusing.refuse(url)).as(url).isPresent();
      assertThat(allowing.refuse(url)).as(url).isEmpty();
    }
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
  void publicAddressesAreAllowed() throws Exception {
    assertThat(UrlPolicy.classify(InetAddress.getByName("8.8.8.8")))
        .isEqualTo(UrlPolicy.AddressKind.PUBLIC);
    assertThat(UrlPolicy.classify(InetAddress.getByName("2606:4700::1111")))
        .isEqualTo(UrlPolicy.AddressKind.PUBLIC);
    assertThat(refusing.refuse("https://93.184.215.14/")).isEmpty();
  }
}
