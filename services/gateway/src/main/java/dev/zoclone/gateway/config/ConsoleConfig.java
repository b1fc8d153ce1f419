package dev.zoclone.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the web console, under {@code zo.gateway.console}. */
@ConfigMapping(prefix = "zo.gateway.console")
public interface ConsoleConfig {

  /** How long a console session lasts after sign-in; its token's revocation ends it sooner. */
  @WithDefault("12h")
  Duration sessionTtl();
}
