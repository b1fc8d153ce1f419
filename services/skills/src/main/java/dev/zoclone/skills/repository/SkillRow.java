package dev.zoclone.skills.repository;

import java.time.Instant;

/**
 * One skill as stored: who owns it ({@code ""} = shared), where it came from, and its current
 * version's manifest (JSON of a skillkit {@code SkillManifest}) and warnings.
 */
public record SkillRow(
    long id,
    String owner,
    String source,
    String name,
    String hash,
    String manifestJson,
    String warningsJson,
    Instant installedAt) {

  /** The owner of skills every user sees. */
  public static final String SHARED = "";

  public boolean shared() {
    return SHARED.equals(owner);
  }
}
