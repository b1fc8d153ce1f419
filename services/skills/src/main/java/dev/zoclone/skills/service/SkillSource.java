package dev.zoclone.skills.service;

/** Where a skill came from; shared sources are listed in the order they shadow each other. */
public enum SkillSource {
  /** Uploaded through the API (by its owner, or by an admin for everyone). */
  UPLOAD("upload"),
  /** The operator's {@code $ZO_HOME/skills} folder. */
  HOME("home"),
  /** The repository's {@code skills/} folder, shipped with the platform. */
  REPO("repo");

  private final String id;

  SkillSource(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Lower ranks win when two shared skills have the same name. */
  public static int sharedRank(String id) {
    return switch (id) {
      case "home" -> 0;
      case "upload" -> 1;
      default -> 2;
    };
  }
}
