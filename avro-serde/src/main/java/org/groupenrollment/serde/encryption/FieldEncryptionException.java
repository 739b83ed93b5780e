package org.groupenrollment.serde.encryption;

/**
 * A personal field that cannot be decrypted, or a key that cannot be used: never retried
 * (the same bytes fail the same way), and its message names key ids and fields only,
 * never a value.
 */
public class FieldEncryptionException extends RuntimeException {

    public FieldEncryptionException(String message) {
        super(message);
    }

    public FieldEncryptionException(String message, Throwable cause) {
        super(message, cause);
    }

}
