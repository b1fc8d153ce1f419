package dev.zoclone.agents.tool;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the tool registry, under {@code zo.agents.tools}. */
@ConfigMapping(prefix = "zo.agents.tools")
public interface ToolsConfig {

  /** Base URL of each service the tools call, by name (memory, scheduler, pool, supervisor). */
  Map<String, String> services();

  /** How long one tool's call to a service may take. */
  @WithDefault("30s")
  Duration timeout();

  /** Characters of a tool's output handed back, at most; longer outputs end with a note. */
  @WithDefault("16000")
  int maxOutputChars();
}
