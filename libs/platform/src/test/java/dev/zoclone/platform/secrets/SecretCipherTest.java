package dev.zoclone.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.platform.secrets.SecretCipher.Sealed;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private final SecretCipher cipher = SecretCipher.random();

  @Test
  void opensWhatItSealedWithTheSameAssociatedData() {
    Sealed sealed = cipher.seal("sk-secret", "alice\u0000openai");

    assertThat(sealed.ciphertext()).isNotEqualTo("sk-secret".getBytes());
    assertThat(cipher.open(sealed, "alice\u0000openai")).isEqualTo("sk-secret");
  }

  @Test
  void otherAssociatedDataOrAnotherKeyDoesNotOpen() {
    Sealed sealed = cipher.seal("sk-secret", "alice\u0000openai");

    assertThatThrownBy(() -> cipher.open(sealed, "mallory\u0000openai"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.open(sealed, null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretCipher.random().open(sealed, "alice\u0000openai"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKeyIsBase64OfExactly32BytesAndKeepsItsFingerprint() {
    SecretCipher again = SecretCipher.fromBase64(cipher.keyBase64(), "test");

    assertThat(again.fingerprint()).isEqualTo(cipher.fingerprint()).hasSize(16);
    assertThat(again.open(cipher.seal("x", null), null)).isEqualTo("x");
    assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQ=", "ZO_KEY"))
        .hasMessageContaining("ZO_KEY")
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> SecretCipher.fromBase64("not base64!", "ZO_KEY"))
        .hasMessageContaining("not base64");
  }
}
