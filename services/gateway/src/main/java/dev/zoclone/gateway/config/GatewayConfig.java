package dev.zoclone.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the gateway, under {@code zo.gateway}. */
@ConfigMapping(prefix = "zo.gateway")
public interface GatewayConfig {

  /** The folder where the first start writes {@code admin-token}; {@code ZO_HOME}. */
  Path home();

  /**
   * The services behind the gateway by name, e.g. {@code zo.gateway.services.agents.url}, set from
   * {@code ZO_GATEWAY_SERVICES_AGENTS_URL}.
   */
  Map<String, Service> services();

  /**
   * How often the readiness of each replica of a service with several URLs is checked; a replica
   * that is not ready, or refused a connection, gets no requests until a check finds it ready.
   */
  @WithDefault("2s")
  Duration replicaCheckInterval();

  /**
   * Which service owns which path prefix, e.g. {@code zo.gateway.routes."/api/v1/ask"=agents}. The
   * longest matching prefix wins; a prefix matches only at a path-segment boundary.
   */
  Map<String, String> routes();

  /** Largest request body forwarded to a service; a larger one gets 413. */
  @WithDefault("10485760")
  long maxRequestBytes();

  /** How long a service may take to send its response headers; then 504. */
  @WithDefault("60s")
  Duration timeout();

  /**
   * Most connections open to one replica of a service at once from each of the gateway's event
   * loops (see {@code EventLoopClients}). Each carries one exchange at a time, a streamed answer
   * (an ask, MCP's or a process log's events) for as long as it streams; a request finding all of
   * them busy waits for one, up to {@link #timeout()}.
   */
  @WithDefault("512")
  int upstreamConnections();

  /** How long {@code GET /api/v1/status} waits for each service's readiness. */
  @WithDefault("2s")
  Duration statusTimeout();

  /**
   * How long a token verified against the database is trusted without reading it again. A token
   * revoked through this replica stops working at once; one revoked through another replica keeps
   * working here for up to this long. {@code 0s} reads the database on every request.
   */
  @WithDefault("5s")
  Duration tokenCacheTtl();

  /**
   * How often, at most, a token's last-used time is written (per token and replica); the write
   * happens in the background, never on the request's path.
   */
  @WithDefault("60s")
  Duration lastUsedInterval();

  /**
   * How long the supervisor's answer for a public route {@code /p/<user>/<process>/} (where it
   * runs, whether it is public) is reused; a stopped or moved process is noticed after this long.
   */
  @WithDefault("2s")
  Duration processRouteCacheTtl();

  /**
   * Whether answers on public routes {@code /p/...} carry {@code Content-Security-Policy: sandbox}
   * (scripts and forms allowed, not the same origin). Users' pages are served from the console's
   * origin; sandboxed, a page's script cannot read the console's pages or act with a signed-in
   * visitor's session. Turn it off only where {@code /p/} is served on a host of its own.
   */
  @WithDefault("true")
  boolean processSandbox();

  /** One service behind the gateway. */
  interface Service {
    /**
     * Base URLs of the service's replicas, comma-separated, e.g. {@code http://127.0.0.1:8081} or
     * {@code http://127.0.0.1:8081,http://127.0.0.1:8091}; a Kubernetes Service is one URL.
     */
    List<URI> url();
  }
}
