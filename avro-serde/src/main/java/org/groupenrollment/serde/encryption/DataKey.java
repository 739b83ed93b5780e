package org.groupenrollment.serde.encryption;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One person's AES-256 key, under an id that names no one: every personal field of theirs
 * is encrypted with it, so destroying it makes all of them unreadable at once, wherever
 * the records are.
 */
public record DataKey(String id, SecretKey key) {

    public DataKey {
        if (id == null || id.isBlank() || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A data key id must be non-blank and hold no ':'");
        }
    }

    /** The key {@code wrapped} holds, unwrapped by {@code kms}, under {@code id}. */
    static DataKey unwrapped(String id, KeyEncryptionKeys kms, KeyEncryptionKeys.WrappedKey wrapped) {
        return new DataKey(id, new SecretKeySpec(kms.unwrap(wrapped), "AES"));
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }

}
