package org.groupenrollment.signup;

import java.util.regex.Pattern;

/**
 * What a client sends as {@code Idempotency-Key}, or the form as its hidden key: up to
 * 128 visible ASCII characters (a UUID fits three times over). The signup id is derived
 * from it, so an empty key, which everyone could send, is refused like a malformed one.
 */
public record IdempotencyKey(String value) {

    static final int MAX_LENGTH = 128;

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (value == null || !VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
    }

    /**
     * The key is missing, empty, too long or holds characters other than visible ASCII.
     */
    public static class InvalidIdempotencyKeyException extends RuntimeException {

        InvalidIdempotencyKeyException() {
            super("The Idempotency-Key must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters (letters, digits, punctuation), for example a UUID");
        }

    }

}
