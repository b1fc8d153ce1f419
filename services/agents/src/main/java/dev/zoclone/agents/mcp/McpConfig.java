package dev.zoclone.agents.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the MCP server at {@code /mcp}, under {@code zo.agents.mcp}. */
@ConfigMapping(prefix = "zo.agents.mcp")
public interface McpConfig {

  /** Items of one page of {@code tools/list}, {@code resources/list} and {@code prompts/list}. */
  @WithDefault("20")
  int pageSize();

  /** A session unused this long is forgotten (the client then initializes again). */
  @WithDefault("30m")
  Duration sessionIdleTimeout();
}
