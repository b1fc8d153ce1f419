package dev.zoclone.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.Caller;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Caller ALICE = new Caller("u-1", "alice", false);

  @Test
  void aRememberedTokenIsFoundUntilItExpires() throws InterruptedException {
    VerifiedTokens tokens = new VerifiedTokens(Duration.ofMillis(200));

    tokens.remember("t-1", "hash-1", ALICE, tokens.generation());

    assertThat(tokens.find("hash-1")).map(VerifiedTokens.Verified::caller).contains(ALICE);
    Thread.sleep(250);
    assertThat(tokens.find("hash-1")).isEmpty();
  }

  @Test
  void aForgottenTokenIsNotFound() {
    VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(1));
    tokens.remember("t-1", "hash-1", ALICE, tokens.generation());
    tokens.remember("t-2", "hash-2", ALICE, tokens.generation());

    tokens.forget("t-1");

    assertThat(tokens.find("hash-1")).isEmpty();
    assertThat(tokens.find("hash-2")).isPresent();
  }

  @Test
  void aTokenReadBeforeARevocationIsNotKept() {
    VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(1));
    long readAt = tokens.generation();

    // The revocation commits while the row, still there when read, is on its way back.
    tokens.forget("t-1");
    tokens.remember("t-1", "hash-1", ALICE, readAt);

    assertThat(tokens.find("hash-1")).isEmpty();
  }

  @Test
  void aZeroLifetimeKeepsNothing() {
    VerifiedTokens tokens = new VerifiedTokens(Duration.ZERO);

    tokens.remember("t-1", "hash-1", ALICE, tokens.generation());

    assertThat(tokens.find("hash-1")).isEmpty();
  }
}
