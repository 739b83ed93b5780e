package org.groupenrollment.events.links;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.events.config.HmacKeys;

/**
 * The one link every email about a place carries, to its "your place" page: the signup id
 * and an expiry, signed with the pipeline's secret, in 54 URL-safe characters. It names
 * no one and reveals no more than the email did; without the secret nobody can make one,
 * change one, or guess one (128-bit signature); and it stops working when it expires. The
 * notifier makes them, the signup service reads them; a secret rotation keeps old links
 * working while the previous key is listed.
 */
public final class PlaceLinks {

    /** Where the "your place" page lives, under the signup service's public address. */
    public static final String PATH = "/places/";

    /**
     * Where the "delete my data" page lives, for the link at the foot of every email, the
     * DBT offer's too.
     */
    public static final String ERASURE_PATH = "/erasure/";

    private static final String PURPOSE = "place-link";

    private static final String ERASURE_PURPOSE = "erasure-link";

    private static final int SIGNATURE_BYTES = 16;

    private static final int TOKEN_BYTES = Long.BYTES * 3 + SIGNATURE_BYTES;

    private final HmacKeys keys;

    private final String purpose;

    public PlaceLinks(HmacKeys keys) {
        this(keys, PURPOSE);
    }

    private PlaceLinks(HmacKeys keys, String purpose) {
        this.keys = keys;
        this.purpose = purpose;
    }

    /**
     * Links to the "delete my data" page: signed for that purpose alone, so a place link
     * never opens it and an erasure link never opens a place.
     */
    public static PlaceLinks erasures(HmacKeys keys) {
        return new PlaceLinks(keys, ERASURE_PURPOSE);
    }

    /** A token for {@code signupId}'s page, valid until {@code now + validFor}. */
    public String token(UUID signupId, Instant now, Duration validFor) {
        long expiresAt = now.plus(validFor).getEpochSecond();
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES)
            .putLong(signupId.getMostSignificantBits())
            .putLong(signupId.getLeastSignificantBits())
            .putLong(expiresAt)
            .put(keys.sign(purpose, signed(signupId, expiresAt), SIGNATURE_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** What a token says, once its signature is checked. */
    public Optional<Link> read(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != TOKEN_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID signupId = new UUID(buffer.getLong(), buffer.getLong());
        long expiresAt = buffer.getLong();
        byte[] signature = new byte[SIGNATURE_BYTES];
        buffer.get(signature);
        if (!keys.verifies(purpose, signed(signupId, expiresAt), signature)) {
            return Optional.empty();
        }
        return Optional.of(new Link(signupId, Instant.ofEpochSecond(expiresAt)));
    }

    /** A genuine link: whose place it opens, and until when. */
    public record Link(UUID signupId, Instant expiresAt) {

        public boolean hasExpiredBy(Instant now) {
            return !expiresAt.isAfter(now);
        }

    }

    private static String signed(UUID signupId, long expiresAt) {
        return signupId + "." + expiresAt;
    }

}
