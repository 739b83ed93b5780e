package org.groupenrollment.events.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of the pipeline's keyed hashes ({@code enrollment.secrets}), base64, at least
 * 32 bytes each. {@code hmacKey} makes every new hash; {@code previousHmacKeys} are still
 * recognised, so a key can be rotated without forgetting what was hashed under the one
 * before. Without a key, a local run generates one in its data folder (see
 * {@link HmacKeys}); the production profile refuses to start without one.
 */
@ConfigurationProperties("enrollment.secrets")
public record EnrollmentSecrets(String hmacKey, @DefaultValue List<String> previousHmacKeys) {
}
