package org.groupenrollment.events.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacKeysTests {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

    @TempDir
    Path dataDir;

    @Test
    void aHashCannotBeComputedFromTheInputAloneOnlyWithTheKey() throws Exception {
        String plain = HexFormat.of()
            .formatHex(
                    MessageDigest.getInstance("SHA-256").digest("maya@example.org".getBytes(StandardCharsets.UTF_8)));

        String underA = keys(KEY_A).hex("person", "maya@example.org");

        assertThat(underA).isNotEqualTo(plain).hasSize(64);
        assertThat(keys(KEY_B).hex("person", "maya@example.org")).isNotEqualTo(underA);
        assertThat(keys(KEY_A).hex("person", "maya@example.org")).isEqualTo(underA);
    }

    @Test
    void aHashForOnePurposeIsNotTheHashForAnother() {
        HmacKeys keys = keys(KEY_A);

        assertThat(keys.hex("person", "x")).isNotEqualTo(keys.hex("signup-id", "x"));
    }

    @Test
    void afterARotationTheHashUnderThePreviousKeyIsStillRecognised() {
        String beforeRotation = keys(KEY_A).hex("person", "maya@example.org");

        HmacKeys rotated = HmacKeys.from(new EnrollmentSecrets(KEY_B, List.of(KEY_A)), dataDir, true);

        assertThat(rotated.hexUnderEveryKey("person", "maya@example.org"))
            .containsExactly(rotated.hex("person", "maya@example.org"), beforeRotation);
    }

    @Test
    void theProductionProfileRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> HmacKeys.from(new EnrollmentSecrets(null, List.of()), dataDir, true))
            .hasMessageContaining("enrollment.secrets.hmac-key is required in the production profile");
        assertThat(dataDir.resolve(HmacKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedNamingTheProperty() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> HmacKeys.from(new EnrollmentSecrets(shortKey, List.of()), dataDir, false))
            .hasMessageContaining("enrollment.secrets.hmac-key holds 16 bytes");
    }

    @Test
    void aLocalRunGeneratesItsKeyOnceAndKeepsItReadableByItsOwnerOnly() throws Exception {
        HmacKeys first = HmacKeys.from(new EnrollmentSecrets(null, List.of()), dataDir, false);
        HmacKeys again = HmacKeys.from(new EnrollmentSecrets(null, List.of()), dataDir, false);

        assertThat(again.hex("person", "x")).isEqualTo(first.hex("person", "x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(HmacKeys.KEY_FILE))))
            .isEqualTo("rw-------");
        assertThat(Files.list(dataDir.resolve("secrets"))).hasSize(1);
    }

    @Test
    void aDerivedIdIsAVersion8UuidThatOnlyTheSameInputGives() {
        HmacKeys keys = keys(KEY_A);

        UUID id = keys.uuid("signup-id", "key-1");

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(keys.uuid("signup-id", "key-1")).isEqualTo(id);
        assertThat(keys.uuid("signup-id", "key-2")).isNotEqualTo(id);
    }

    private HmacKeys keys(String key) {
        return HmacKeys.from(new EnrollmentSecrets(key, List.of()), dataDir, true);
    }

}
