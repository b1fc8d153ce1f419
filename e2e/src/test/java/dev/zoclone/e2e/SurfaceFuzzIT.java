package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.e2e.fuzz.SurfaceFuzzer;
import dev.zoclone.e2e.support.LocalPlatform;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of every service, from its OpenAPI document, sent a few thousand hostile requests
 * through the gateway (malformed JSON, wrong types, missing and extra fields, huge strings and
 * arrays, deep nesting, NUL, lone surrogates, odd numbers, unknown and odd ids, odd query values):
 * none may answer 5xx, and every 4xx is problem+json. A failure names its seed; {@code
 * -Dzo.fuzz.seed=<seed>} runs the same cases again.
 */
class SurfaceFuzzIT {
  private static final List<String> SERVICES =
      List.of("agents", "memory", "skills", "scheduler", "pool", "browser", "supervisor");

  static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = LocalPlatform.start(SERVICES.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void noHostileRequestGetsA5xxAndEveryRefusalIsAProblem() throws Exception {
    long seed = Long.getLong("zo.fuzz.seed", System.nanoTime());
    String token = platform.newUser("fuzz-" + UUID.randomUUID().toString().substring(0, 8)).token();
    SurfaceFuzzer fuzzer = new SurfaceFuzzer(platform, token, seed);

    SurfaceFuzzer.Outcome outcome = fuzzer.run(SERVICES);

    System.out.printf(
        "fuzz: %d cases over %d routes, seed %d, %d s, %d failures of the user's own model"
            + " provider (502/504)%n",
        outcome.cases(), outcome.routes(), seed, outcome.seconds(), outcome.providerFailures());
    assertThat(outcome.cases()).isGreaterThan(2000);
    assertThat(outcome.failures())
        .as("failures (run again with -Dzo.fuzz.seed=%d)", seed)
        .isEmpty();
  }
}
