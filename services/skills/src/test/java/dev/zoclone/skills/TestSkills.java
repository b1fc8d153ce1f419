package dev.zoclone.skills;

import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Skill folders and archives for the tests. */
public final class TestSkills {
  private TestSkills() {}

  /** A skill name no other test uses. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A SKILL.md with {@code name}, a description and extra frontmatter lines. */
  public static String skillMd(String name, String description, String... extraLines) {
    StringBuilder text = new StringBuilder("---\nname: ").append(name).append('\n');
    text.append("description: ").append(description).append('\n');
    for (String line : extraLines) {
      text.append(line).append('\n');
    }
    return text.append("---\n# ").append(name).append("\nUse it well.\n").toString();
  }

  /** A .tar.gz of a skill folder named {@code folder} holding {@code files}. */
  public static byte[] tarGz(String folder, Map<String, String> files) {
    TreeMap<String, byte[]> bytes = new TreeMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    try {
      return SkillArchives.packTarGz(new SkillFiles(folder, bytes), folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A skill with one python script that echoes its input under "got". */
  public static byte[] echoSkill(String name) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("SKILL.md", skillMd(name, "Echoes its input. Use in tests."));
    files.put(
        "scripts/echo.py", "import json, sys\nprint(json.dumps({'got': json.load(sys.stdin)}))\n");
    return tarGz(name, files);
  }

  /** A skill with one script of {@code extension} holding {@code code}. */
  public static byte[] scriptSkill(String name, String extension, String code, String... extra) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("SKILL.md", skillMd(name, "A test script.", extra));
    files.put("scripts/main." + extension, code);
    return tarGz(name, files);
  }
}
