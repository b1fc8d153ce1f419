package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each service's src/main/docker/Dockerfile.jvm packages its Quarkus fast-jar on its port. */
class DockerfileTest {

  @Test
  void everyServiceHasAFastJarDockerfileExposingItsPort() throws Exception {
    for (Map.Entry<String, Integer> e : DeployFiles.SERVICE_PORTS.entrySet()) {
      Path file = DeployFiles.dockerfile(e.getKey());
      assertThat(file).as(e.getKey()).isRegularFile();
      List<String> lines = instructions(file);

      assertThat(lines).as(e.getKey()).anyMatch(l -> l.startsWith("FROM "));
      assertThat(lines).as(e.getKey()).contains("EXPOSE " + e.getValue());
      assertThat(lines)
          .as(e.getKey())
          .noneMatch(l -> l.startsWith("EXPOSE ") && !l.equals("EXPOSE " + e.getValue()));
      assertThat(lines)
          .as(e.getKey())
          .contains(
              "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
              "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
              "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
              "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/");
      assertThat(String.join("\n", lines))
          .as(e.getKey())
          .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
      String lastUser =
          lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
      assertThat(lastUser).as(e.getKey() + " runs as non-root").isEqualTo("USER 185");
      assertThat(lines).as(e.getKey()).anyMatch(l -> l.startsWith("ENTRYPOINT "));
    }
  }

  @Test
  void theBrowserImageHasChromiumAndNeverDownloadsABrowser() throws Exception {
    String browser = String.join("\n", instructions(DeployFiles.dockerfile("browser")));
    assertThat(browser).containsPattern("apt-get install[^\\n]*\\bchromium\\b");
    assertThat(browser).contains("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1");
    assertThat(browser).contains("openjdk-17-jre-headless");
  }

  /** The Dockerfile's instructions, comments dropped and continuation lines joined. */
  private static List<String> instructions(Path file) throws Exception {
    String text = Files.readString(file);
    String joined =
        text.lines()
            .filter(l -> !l.stripLeading().startsWith("#"))
            .reduce("", (a, l) -> a + l + "\n")
            .replaceAll("\\\\\\n\\s*", " ");
    return joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
