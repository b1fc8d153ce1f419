package dev.zoclone.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the scheduler service, under {@code zo.scheduler}. */
@ConfigMapping(prefix = "zo.scheduler")
public interface SchedulerConfig {

  /** How many upcoming occurrences an automation shows as {@code next_runs}. */
  @WithDefault("5")
  int nextRuns();

  /** Largest {@code count} a preview may ask for. */
  @WithDefault("1000")
  int maxPreviewCount();

  /**
   * How late an occurrence may fire and still count as on time; older ones are "missed" and handled
   * by the automation's catch-up policy.
   */
  @WithDefault("60s")
  Duration misfireGrace();

  /** Most missed occurrences fired in one pass for {@code catch_up=all}; the rest follow. */
  @WithDefault("1000")
  int maxCatchUp();

  /**
   * Base64 of the 32-byte AES-256 master key that seals webhook secrets ({@code ZO_MASTER_KEY}, the
   * same key as the agents service's).
   */
  String masterKey();

  /**
   * A file holding the master key ({@code ZO_MASTER_KEY_FILE}); read at start, its key seals when
   * it differs from {@link #masterKey()}, which still opens what it sealed.
   */
  Optional<String> masterKeyFile();

  /**
   * How often the master key file is checked for a new key (a rotation), under which every webhook
   * secret is then sealed again.
   */
  @WithDefault("10s")
  Duration masterKeyCheck();

  /** Bounds on rule expansion. */
  Expansion expansion();

  /** The ticker that fires due occurrences. */
  Ticker ticker();

  /** Webhook delivery. */
  Webhook webhook();

  /** The {@code kafka} action. */
  KafkaAction kafkaAction();

  /** Largest free-form fields an automation stores for later sending. */
  Limits limits();

  /** Largest free-form fields an automation stores for later sending (400 naming the field). */
  interface Limits {
    /** Characters of {@code action.prompt}. */
    @WithDefault("32768")
    int maxPromptChars();

    /** Bytes of {@code action.payload} written as JSON. */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** Characters of {@code action.url}. */
    @WithDefault("2048")
    int maxUrlChars();

    /** Characters of {@code action.secret}. */
    @WithDefault("256")
    int maxSecretChars();

    /** Characters of {@code rrule}. */
    @WithDefault("1000")
    int maxRruleChars();
  }

  /** The {@code kafka} action. */
  interface KafkaAction {
    /**
     * The prefix of the topics a user's {@code kafka} actions may publish to; {@code {user}} stands
     * for the user's id. Platform ({@code zo.*}) and internal ({@code __*}) topics are always
     * refused.
     */
    @WithDefault("automations.{user}.")
    String topicPrefix();
  }

  /** Bounds on rule expansion. */
  interface Expansion {
    /** Raw instances one expansion may step through before the request is refused. */
    @WithDefault("1000000")
    long maxSteps();
  }

  /** The ticker that fires due occurrences. */
  interface Ticker {
    /** Whether the ticker runs; tests drive it by hand with an explicit clock instead. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest wait between firing passes; between them the ticker wakes at the earliest stored next
     * run, so this only bounds how late a newly created or edited automation is noticed.
     */
    @WithDefault("1s")
    Duration interval();

    /**
     * Automations claimed per transaction; the ticker relays each batch's events as soon as it
     * commits. 50 measured best with 10,000 minutely automations on 2 cores (p99 due-to-Kafka 0.6
     * s, against 1.3 s with 200 and falling behind with 20): see {@code bench/run scheduler}.
     */
    @WithDefault("50")
    int batchSize();
  }

  /** Webhook delivery. */
  interface Webhook {
    /** Delivery attempts before a run is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; doubles with each further attempt. */
    @WithDefault("2s")
    Duration initialBackoff();

    /**
     * Longest one delivery attempt may take, from connecting to the last byte of the answer's body;
     * a receiver still answering then is cut off and the attempt counts as failed.
     */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Delivery attempts of one owner in flight at once (per pass of each replica's claim), so one
     * user's slow receivers cannot take every slot.
     */
    @WithDefault("4")
    int maxInFlightPerOwner();

    /** How often pending deliveries are looked for ({@code zo.scheduler.webhook.interval}). */
    @WithDefault("1s")
    Duration interval();

    /** Pending deliveries claimed per pass. */
    @WithDefault("20")
    int batchSize();
  }
}
