package org.groupenrollment.eligibility.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One person, whatever the case or padding of the email they typed: the SHA-256 of the
 * trimmed, lower-cased address. The ledger stores this rather than the address, so its
 * changelog topic holds no email in clear.
 */
public final class PersonKey {

    private PersonKey() {
    }

    public static String of(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

}
