package org.groupenrollment.events.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Field-level encryption of personal data ({@code enrollment.encryption}): whether it is
 * on, where the embedded KMS keeps its key-encryption keys (one folder every service of a
 * deployment shares), how long a reader waits for a data key it has not read yet, how
 * soon an erased key's wrapped bytes must leave the broker's disk, whether this service
 * reads keys at all (the signup service only makes them), where a reading instance keeps
 * its copy of the key topic, and how many keys it keeps unwrapped in memory.
 */
@Validated
@ConfigurationProperties("enrollment.encryption")
public record EncryptionSettings(boolean enabled, @NotNull Path kekFolder, @NotNull Duration keyLookupPatience,
        @NotNull Duration erasedKeyGoneWithin, @DefaultValue("true") boolean readKeys, @NotNull Path keyStoreFolder,
        @Positive int keysKeptUnwrapped) {
}
