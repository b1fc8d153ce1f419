package dev.zoclone.skills.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the skills service, under {@code zo.skills}. */
@ConfigMapping(prefix = "zo.skills")
public interface SkillsConfig {

  /** The repository's {@code skills/} folder: skills shipped with the platform, shared. */
  Optional<String> repoDir();

  /** The operator's folder ({@code $ZO_HOME/skills}): skills shared with every user. */
  Optional<String> homeDir();

  /** How often the folders are scanned for added, changed or removed skills. */
  @WithDefault("500ms")
  Duration scanInterval();

  /** Where versions are unpacked, one folder per content hash. */
  String cacheDir();

  /** Where each run gets its fresh writable copy of the skill folder. */
  String runsDir();

  /** Settings of script runs. */
  Runs runs();

  /** Limits and defaults of script runs. */
  interface Runs {
    /** Runs one user may have at once on one replica; more are answered 429. */
    @WithDefault("4")
    int maxConcurrentPerUser();

    /** Wall-time limit of a run that names none. */
    @WithDefault("30s")
    Duration defaultTimeout();

    /** The largest wall-time limit a run may ask for. */
    @WithDefault("300s")
    Duration maxTimeout();

    /** Bytes of stdout and of stderr kept; the rest is dropped and flagged. */
    @WithDefault("1048576")
    int outputCapBytes();

    /** Whether skills that declare {@code metadata.network: "true"} get the host's network. */
    @WithDefault("false")
    boolean allowNetwork();

    /** Runs kept per user; older ones are deleted. */
    @WithDefault("1000")
    int keepPerUser();
  }
}
