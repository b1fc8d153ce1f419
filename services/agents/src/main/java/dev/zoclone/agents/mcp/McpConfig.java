package dev.zoclone.agents.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the MCP server at {@code /mcp} and of the MCP client, under {@code zo.agents.mcp}.
 */
@ConfigMapping(prefix = "zo.agents.mcp")
public interface McpConfig {

  /** Items of one page of {@code tools/list}, {@code resources/list} and {@code prompts/list}. */
  @WithDefault("20")
  int pageSize();

  /** A session unused this long is forgotten (the client then initializes again). */
  @WithDefault("30m")
  Duration sessionIdleTimeout();

  /** The caller's own MCP servers, used by asks. */
  Client client();

  /** Calls to the caller's own MCP servers. */
  interface Client {
    /** How long a server may take to connect and list its tools before an ask leaves it out. */
    @WithDefault("5s")
    Duration listTimeout();

    /** How long one call of a remote tool may take. */
    @WithDefault("60s")
    Duration callTimeout();
  }
}
