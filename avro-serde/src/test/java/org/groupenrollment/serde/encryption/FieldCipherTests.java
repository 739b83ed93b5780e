package org.groupenrollment.serde.encryption;

import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

    private final DataKey key = key("a1b2", 1);

    @Test
    void aFieldEncryptsToAStringNamingItsKeyAndDecryptsBackWithIt() {
        String encrypted = FieldCipher.encrypt(key, "email", "ada@example.org");

        assertThat(encrypted).startsWith("enc1:a1b2:").doesNotContain("ada").doesNotContain("example");
        assertThat(FieldCipher.isEncrypted(encrypted)).isTrue();
        assertThat(FieldCipher.keyId(encrypted)).isEqualTo("a1b2");
        assertThat(FieldCipher.decrypt(key, "email", encrypted)).isEqualTo("ada@example.org");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeSoEqualValuesCannotBeMatched() {
        assertThat(FieldCipher.encrypt(key, "email", "ada@example.org"))
            .isNotEqualTo(FieldCipher.encrypt(key, "email", "ada@example.org"));
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        String encrypted = FieldCipher.encrypt(key, "email", "ada@example.org");
        String prefix = "enc1:a1b2:";
        byte[] body = Base64.getUrlDecoder().decode(encrypted.substring(prefix.length()));
        body[body.length - 20] ^= 1;
        String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "email", tampered))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("failed authentication")
            .hasMessageNotContaining("ada");
    }

    @Test
    void theWrongKeyUnderTheSameIdIsRefused() {
        String encrypted = FieldCipher.encrypt(key, "email", "ada@example.org");

        assertThatThrownBy(() -> FieldCipher.decrypt(key("a1b2", 2), "email", encrypted))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("failed authentication");
    }

    @Test
    void aCiphertextMovedToAnotherFieldIsRefused() {
        String email = FieldCipher.encrypt(key, "email", "ada@example.org");

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "firstName", email))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("firstName");
    }

    @Test
    void aCiphertextOfAnotherKeyIdSaysWhichKeyItNeeds() {
        String encrypted = FieldCipher.encrypt(key("c3d4", 1), "email", "ada@example.org");

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "email", encrypted))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("c3d4");
    }

    @Test
    void truncatedOrMalformedCiphertextsAndPlainValuesAreRefusedWithAReason() {
        assertThatThrownBy(() -> FieldCipher.decrypt(key, "email", "enc1:a1b2:AAAA"))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("truncated");
        assertThatThrownBy(() -> FieldCipher.decrypt(key, "email", "enc1:a1b2:not base64!"))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("malformed");
        assertThat(FieldCipher.isEncrypted("ada@example.org")).isFalse();
        assertThatThrownBy(() -> FieldCipher.keyId("ada@example.org")).isInstanceOf(FieldEncryptionException.class);
    }

    private static DataKey key(String id, int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new DataKey(id, new SecretKeySpec(bytes, "AES"));
    }

}
