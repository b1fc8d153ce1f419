package dev.zoclone.skillkit;

/** The size limits every skill folder and archive is held to. */
public final class SkillLimits {
  /** At most this many files in one skill. */
  public static final int MAX_FILES = 500;

  /** At most this many bytes of files in one skill, unpacked. */
  public static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;

  /** An archive may unpack to at most this many times its own size... */
  public static final long MAX_COMPRESSION_RATIO = 100;

  /** ...once it unpacks to more than this many bytes (tiny archives of text compress well). */
  public static final long RATIO_CHECK_FLOOR_BYTES = 1024 * 1024;

  /** The file that makes a folder a skill. */
  public static final String MANIFEST = "SKILL.md";

  private SkillLimits() {}
}
