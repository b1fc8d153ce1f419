package dev.zoclone.agents.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.platform.secrets.SecretCipher;
import io.quarkus.runtime.LaunchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas sharing a master key file: a rotation made by one reaches the other. */
class KeyCipherTest {
  private static final String FIRST = SecretCipher.random().keyBase64();

  @Test
  void aReplicaFollowsARotationOnceTheNewKeyIsInItsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master-key");
    Files.writeString(file, FIRST);
    KeyCipher rotating = new KeyCipher(FIRST, Optional.of(file), LaunchMode.NORMAL);
    KeyCipher other = new KeyCipher(FIRST, Optional.of(file), LaunchMode.NORMAL);
    KeyCipher.Sealed before = rotating.seal("sk-before", "alice\u0000openai");

    SecretCipher next = SecretCipher.random();
    rotating.use(next);
    KeyCipher.Sealed after = rotating.seal("sk-after", "alice\u0000openai");
    assertThatThrownBy(() -> other.open(after, "alice\u0000openai"))
        .as("the other replica lacks the new key until its file holds it")
        .isInstanceOf(IllegalStateException.class);

    Files.writeString(file, next.keyBase64());
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(other.open(after, "alice\u0000openai")).isEqualTo("sk-after");
    assertThat(other.open(before, "alice\u0000openai")).isEqualTo("sk-before");
    assertThat(other.seal("sk-new", "bob\u0000groq").fingerprint())
        .as("and seals under the new key")
        .isEqualTo(next.fingerprint());
  }

  @Test
  void withoutAFileTheConfiguredKeyIsUsed() {
    KeyCipher cipher = new KeyCipher(FIRST, Optional.empty(), LaunchMode.NORMAL);

    KeyCipher.Sealed sealed = cipher.seal("sk-x", "a\u0000b");

    assertThat(sealed.fingerprint()).isEqualTo(KeyCipher.parse(FIRST).fingerprint());
    assertThat(cipher.open(sealed, "a\u0000b")).isEqualTo("sk-x");
    assertThatThrownBy(() -> cipher.open(sealed, "c\u0000b"))
        .isInstanceOf(IllegalStateException.class);
  }
}
