package dev.zoclone.browser.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the browser service, under {@code zo.browser}. */
@ConfigMapping(prefix = "zo.browser")
public interface BrowserConfig {

  /**
   * Worker threads; each owns one Playwright and one Chromium, and runs its sessions' operations.
   */
  @WithDefault("2")
  int workers();

  /** The Chromium binary Playwright drives. */
  @WithDefault("/usr/bin/chromium")
  String executablePath();

  /** Live sessions on this replica, all users together. */
  @WithDefault("50")
  int maxSessions();

  /** Live sessions of one user on this replica. */
  @WithDefault("5")
  int maxSessionsPerUser();

  /** Open tabs of one session (popups count). */
  @WithDefault("10")
  int maxPagesPerSession();

  /** A session unused for this long is closed (a named one saves its state first). */
  @WithDefault("15m")
  Duration idleTimeout();

  /** How often idle sessions are looked for. */
  @WithDefault("10s")
  Duration idleCheckInterval();

  /** How often each worker checks that its Chromium is alive. */
  @WithDefault("5s")
  Duration watchdogInterval();

  /**
   * How long the watchdog's round trip to a worker's Chromium may take once it has started; past it
   * the worker is replaced by a fresh one and its sessions are lost.
   */
  @WithDefault("30s")
  Duration probeTimeout();

  /** Default timeout of one operation; a request's {@code timeout_ms} may lower or raise it. */
  @WithDefault("30s")
  Duration operationTimeout();

  /** Longest timeout a request may ask for. */
  @WithDefault("120s")
  Duration maxOperationTimeout();

  /** Largest download kept; a bigger one is cancelled and listed as too large. */
  @WithDefault("26214400")
  long maxDownloadBytes();

  /**
   * Hosts (as written in URLs, e.g. {@code 127.0.0.1} or {@code docs.internal}) that may be reached
   * even when they resolve to private addresses while {@code zo.platform.egress.allow-private} is
   * off; never link-local or metadata ones.
   */
  Optional<List<String>> allowedHosts();

  /**
   * Base64 of 32 bytes: the AES key that encrypts named sessions' cookies and storage. Without it,
   * a key is generated once into {@code key-file}.
   */
  Optional<String> stateKey();

  /** Where a generated state key is kept (mode 0600). */
  @WithDefault("${user.home}/.zoclone/browser-key")
  String keyFile();

  /**
   * This replica's own base URL as other replicas reach it; a request for a session held by another
   * replica is forwarded there.
   */
  @WithDefault("http://127.0.0.1:${quarkus.http.port}")
  String replicaUrl();
}
