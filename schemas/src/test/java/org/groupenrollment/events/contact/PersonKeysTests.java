package org.groupenrollment.events.contact;

import java.util.Base64;
import java.util.List;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonKeysTests {

    static final String CURRENT = Base64.getEncoder().encodeToString("current-secret-of-32-bytes-or-so".getBytes());

    static final String PREVIOUS = Base64.getEncoder().encodeToString("previous-secret-of-32-bytes-long".getBytes());

    @Test
    void onePersonHasOneKeyWhateverTheCaseAndPaddingOfTheAddress() {
        PersonKeys keys = new PersonKeys(keys(CURRENT));

        assertThat(keys.of("  Maya@Example.ORG ")).isEqualTo(keys.of("maya@example.org"))
            .doesNotContain("maya")
            .hasSize(64);
    }

    @Test
    void afterARotationAPersonIsFoundUnderTheKeyOfThePreviousSecret() {
        String storedBefore = new PersonKeys(keys(PREVIOUS)).of("maya@example.org");

        PersonKeys rotated = new PersonKeys(
                HmacKeys.from(new EnrollmentSecrets(CURRENT, List.of(PREVIOUS)), null, true));

        assertThat(rotated.of("maya@example.org")).isNotEqualTo(storedBefore);
        assertThat(rotated.candidates("MAYA@example.org")).endsWith(storedBefore);
    }

    static HmacKeys keys(String secret) {
        return HmacKeys.from(new EnrollmentSecrets(secret, List.of()), null, true);
    }

}
