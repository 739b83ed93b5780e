package org.groupenrollment.events.links;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceLinksTests {

    private static final String SECRET = Base64.getEncoder()
        .encodeToString("the-links-secret-of-32-bytes-xyz".getBytes());

    private static final String OTHER_SECRET = Base64.getEncoder()
        .encodeToString("another-secret-of-32-bytes-long!".getBytes());

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private static final Duration HALF_A_YEAR = Duration.ofDays(180);

    private final PlaceLinks links = new PlaceLinks(keys(SECRET));

    private final UUID signupId = UUID.randomUUID();

    @Test
    void aTokenOpensItsSignupsPlaceUntilItExpires() {
        String token = links.token(signupId, NOW, HALF_A_YEAR);

        PlaceLinks.Link link = links.read(token).orElseThrow();

        assertThat(link.signupId()).isEqualTo(signupId);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(HALF_A_YEAR));
        assertThat(link.hasExpiredBy(NOW.plus(HALF_A_YEAR).minusSeconds(1))).isFalse();
        assertThat(link.hasExpiredBy(NOW.plus(HALF_A_YEAR))).isTrue();
    }

    @Test
    void aTokenIsShortUrlSafeAndDoesNotSpellTheSignupId() {
        String token = links.token(signupId, NOW, HALF_A_YEAR);

        assertThat(token).hasSize(54).matches("[A-Za-z0-9_-]+").doesNotContain(signupId.toString());
    }

    @Test
    void changingAnyByteOfATokenMakesItWorthless() {
        byte[] genuine = Base64.getUrlDecoder().decode(links.token(signupId, NOW, HALF_A_YEAR));

        for (int i = 0; i < genuine.length; i++) {
            byte[] tampered = genuine.clone();
            tampered[i] ^= 0x01;

            assertThat(links.read(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
                .as("byte %d changed", i)
                .isEmpty();
        }
    }

    @Test
    void aPlaceLinkAndAnErasureLinkNeverOpenEachOthersPage() {
        PlaceLinks erasures = PlaceLinks.erasures(keys(SECRET));

        assertThat(erasures.read(links.token(signupId, NOW, HALF_A_YEAR))).isEmpty();
        assertThat(links.read(erasures.token(signupId, NOW, HALF_A_YEAR))).isEmpty();
        assertThat(erasures.read(erasures.token(signupId, NOW, HALF_A_YEAR)))
            .hasValueSatisfying(link -> assertThat(link.signupId()).isEqualTo(signupId));
    }

    @Test
    void aTokenMadeWithAnotherSecretIsWorthless() {
        String forged = new PlaceLinks(keys(OTHER_SECRET)).token(signupId, NOW, HALF_A_YEAR);

        assertThat(links.read(forged)).isEmpty();
    }

    @Test
    void afterARotationLinksMadeWithThePreviousSecretStillOpen() {
        String sentBefore = new PlaceLinks(keys(OTHER_SECRET)).token(signupId, NOW, HALF_A_YEAR);

        PlaceLinks rotated = new PlaceLinks(
                HmacKeys.from(new EnrollmentSecrets(SECRET, List.of(OTHER_SECRET)), null, true));

        assertThat(rotated.read(sentBefore)).map(PlaceLinks.Link::signupId).contains(signupId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "short", "not*base64*at*all*but*long*enough*to*be*the*right*size*", "AAAA" })
    void anythingElseIsNotALink(String token) {
        assertThat(links.read(token)).isEmpty();
    }

    private static HmacKeys keys(String secret) {
        return HmacKeys.from(new EnrollmentSecrets(secret, List.of()), null, true);
    }

}
