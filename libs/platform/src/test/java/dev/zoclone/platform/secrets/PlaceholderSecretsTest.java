package dev.zoclone.platform.secrets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlaceholderSecretsTest {
  private static final Path ROOT = Path.of("../..");

  @Test
  void everySecretPublishedInTheDeploymentFilesIsRefusedInProduction() throws Exception {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    String kustomize = Files.readString(ROOT.resolve("k8s/config/kustomization.yaml"));
    Matcher defaults =
        Pattern.compile("(ZO_INTERNAL_SECRET|ZO_MASTER_KEY)[:=] *\\$\\{\\1:-([^}]+)}")
            .matcher(compose);
    Matcher generated =
        Pattern.compile("- (ZO_INTERNAL_SECRET|ZO_MASTER_KEY)=(\\S+)").matcher(kustomize);
    int found = 0;
    for (Matcher m : new Matcher[] {defaults, generated}) {
      while (m.find()) {
        found++;
        String name = m.group(1);
        String value = m.group(2);
        assertThatThrownBy(
                () -> PlaceholderSecrets.refuseInProduction(name, value, LaunchMode.NORMAL))
            .as("%s=%s", name, value)
            .hasMessageContaining(name);
        assertThatCode(
                () -> PlaceholderSecrets.refuseInProduction(name, value, LaunchMode.DEVELOPMENT))
            .doesNotThrowAnyException();
      }
    }
    org.assertj.core.api.Assertions.assertThat(found).isEqualTo(5);
  }

  @Test
  void aSecretOfYourOwnIsAccepted() {
    assertThatCode(
            () ->
                PlaceholderSecrets.refuseInProduction(
                    "ZO_INTERNAL_SECRET", "9f2c4e0b7a1d", LaunchMode.NORMAL))
        .doesNotThrowAnyException();
  }
}
