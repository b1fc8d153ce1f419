package dev.zoclone.skillkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A skill's runnable scripts (files under {@code scripts/} with a known extension) and the command
 * that runs each: {@code .py} python3, {@code .sh} bash, {@code .js}/{@code .mjs} node, {@code
 * .java} single-file java.
 */
public final class SkillScripts {
  private static final Map<String, List<String>> INTERPRETERS =
      Map.of(
          "py", List.of("/usr/bin/python3"),
          "sh", List.of("/usr/bin/bash"),
          "js", List.of("/usr/bin/node"),
          "mjs", List.of("/usr/bin/node"),
          "java",
              List.of("/usr/bin/java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  private static final Pattern LEGACY_ENTRY =
      Pattern.compile("^def (run|execute)\\s*\\(", Pattern.MULTILINE);

  /**
   * Calls a legacy script's {@code run()} or {@code execute()} with the input's fields as keyword
   * arguments and prints its result as JSON; what the module prints itself goes to stderr.
   */
  static final String LEGACY_WRAPPER =
      String.join(
          "\n",
          "import importlib.util, json, os, sys",
          "path = sys.argv[1]",
          "sys.argv = [path] + sys.argv[2:]",
          "sys.path.insert(0, os.path.dirname(os.path.abspath(path)))",
          "real_stdout, sys.stdout = sys.stdout, sys.stderr",
          "spec = importlib.util.spec_from_file_location('skill_script', path)",
          "module = importlib.util.module_from_spec(spec)",
          "spec.loader.exec_module(module)",
          "function = getattr(module, 'run', None) or getattr(module, 'execute', None)",
          "if function is None:",
          "    sys.exit(path + ' defines neither run() nor execute()')",
          "raw = sys.stdin.read()",
          "arguments = json.loads(raw) if raw.strip() else {}",
          "if not isinstance(arguments, dict):",
          "    sys.exit('the input of a run() skill must be a JSON object')",
          "result = function(**arguments)",
          "sys.stdout = real_stdout",
          "json.dump(result, sys.stdout, default=str)",
          "");

  private SkillScripts() {}

  /** The runnable scripts of an unpacked skill, as paths relative to the folder, sorted. */
  public static List<String> list(Path folder) throws IOException {
    Path scripts = folder.resolve("scripts");
    if (!Files.isDirectory(scripts)) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(scripts)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (INTERPRETERS.containsKey(extension(path.getFileName().toString()))) {
          found.add(folder.relativize(path).toString().replace('\\', '/'));
        }
      }
    }
    return found;
  }

  /**
   * The script to run: {@code requested} (a name under {@code scripts/}, with or without that
   * prefix or its extension), or the only script when {@code requested} is null.
   */
  public static String choose(List<String> scripts, String requested) {
    List<String> names = scripts.stream().map(s -> s.substring("scripts/".length())).toList();
    if (requested == null || requested.isBlank()) {
      if (scripts.size() == 1) {
        return scripts.get(0);
      }
      throw new ScriptChoiceException(
          scripts.isEmpty() ? "the skill has no scripts" : "name the script to run", names);
    }
    String wanted = requested.strip().replaceFirst("^(\\./)?scripts/", "");
    for (String script : scripts) {
      String name = script.substring("scripts/".length());
      if (name.equals(wanted) || stripExtension(name).equals(wanted)) {
        return script;
      }
    }
    throw new ScriptChoiceException("the skill has no script '" + requested + "'", names);
  }

  /** The argv that runs {@code script} (relative to the working directory) with {@code args}. */
  public static List<String> command(String script, boolean legacyCall, List<String> args) {
    List<String> argv = new ArrayList<>();
    if (legacyCall) {
      argv.addAll(List.of("/usr/bin/python3", "-c", LEGACY_WRAPPER));
    } else {
      argv.addAll(INTERPRETERS.get(extension(script)));
    }
    argv.add(script);
    argv.addAll(args);
    return argv;
  }

  /**
   * Whether {@code source} (a python script) defines a legacy {@code run()} or {@code execute()}.
   */
  public static boolean definesLegacyEntry(String script, String source) {
    return extension(script).equals("py") && LEGACY_ENTRY.matcher(source).find();
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
