package dev.zoclone.skillkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillScriptRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private Path skill(String name, String extraFrontmatter, String... scripts) throws IOException {
    Path folder = temp.resolve(name);
    Files.createDirectories(folder.resolve("scripts"));
    Files.writeString(
        folder.resolve("SKILL.md"),
        "---\nname: " + name + "\ndescription: A test.\n" + extraFrontmatter + "---\nBody\n");
    for (int i = 0; i < scripts.length; i += 2) {
      Files.writeString(folder.resolve("scripts/" + scripts[i]), scripts[i + 1]);
    }
    return folder;
  }

  private SkillRunResult run(Path folder, String script, String input) throws IOException {
    return new SkillScriptRunner(temp.resolve("scratch"), 1024 * 1024, false)
        .run(
            folder,
            new SkillScriptRunner.Request(
                script,
                input == null ? null : JSON.readTree(input),
                List.of(),
                Duration.ofSeconds(20),
                null));
  }

  @Test
  void runsTheOnlyPythonScriptWithJsonInAndOut() throws IOException {
    Path folder =
        skill(
            "adder",
            "",
            "add.py",
            "import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({'sum': d['a'] + d['b']}))\n");

    SkillRunResult result = run(folder, null, "{\"a\": 2, \"b\": 3}");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output().get("sum").asInt()).isEqualTo(5);
    assertThat(result.script()).isEqualTo("scripts/add.py");
    assertThat(result.version()).isEqualTo(SkillHash.of(SkillFiles.fromDirectory(folder)));
    assertThat(temp.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void choosesByExtensionAmongBashNodeAndJava() throws IOException {
    Path folder =
        skill(
            "many",
            "",
            "hello.sh",
            "read line; echo \"bash:$line\"\n",
            "hello.js",
            "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({node:JSON.parse(s)})));\n",
            "Hello.java",
            "public class Hello { public static void main(String[] a) throws Exception {"
                + " System.out.println(\"{\\\"java\\\": \" + new String(System.in.readAllBytes()).trim() + \"}\"); } }\n");

    assertThat(run(folder, "hello.sh", "1").output().asText()).isEqualTo("bash:1\n");
    assertThat(run(folder, "scripts/hello.js", "[1]").output().get("node").get(0).asInt())
        .isEqualTo(1);
    assertThat(run(folder, "Hello", "7").output().get("java").asInt()).isEqualTo(7);
  }

  @Test
  void aRunWithoutScriptWhenThereAreSeveralListsThem() throws IOException {
    Path folder = skill("two", "", "a.py", "print(1)", "b.sh", "echo 2");

    assertThatThrownBy(() -> run(folder, null, null))
        .isInstanceOfSatisfying(
            ScriptChoiceException.class,
            e -> assertThat(e.available()).containsExactly("a.py", "b.sh"));
    assertThatThrownBy(() -> run(folder, "c.py", null))
        .isInstanceOf(ScriptChoiceException.class)
        .hasMessageContaining("no script 'c.py'");
  }

  @Test
  void aLegacySkillsRunFunctionIsCalledWithTheInputsFieldsAsKeywords() throws IOException {
    Path folder =
        skill(
            "legacy",
            "triggers: greet, hello\n",
            "greet.py",
            "print('noise at import')\n\ndef run(name, times=1):\n    return {'greeting': ('hi ' + name) * times}\n");

    SkillRunResult result = run(folder, null, "{\"name\": \"zo\", \"times\": 2}");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output().get("greeting").asText()).isEqualTo("hi zohi zo");
    assertThat(result.stderr()).contains("noise at import");
  }

  @Test
  void textOutputStaysText() {
    assertThat(SkillScriptRunner.output("hello world\n", false).isTextual()).isTrue();
    assertThat(SkillScriptRunner.output("{\"a\":1} trailing", false).isTextual()).isTrue();
    assertThat(SkillScriptRunner.output("{\"a\":1}\n", false).isObject()).isTrue();
    assertThat(SkillScriptRunner.output("{\"a\":1}", true).isTextual()).isTrue();
  }
}
