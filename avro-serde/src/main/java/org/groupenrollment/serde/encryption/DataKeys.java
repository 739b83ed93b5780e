package org.groupenrollment.serde.encryption;

/**
 * Where each person's data key lives, wrapped by the KMS: the serializer asks for the key
 * of the record's subject (made on first use), the deserializer for the key a ciphertext
 * names. Erasing a subject destroys its key; from then on its fields read as
 * {@link Lookup.Erased}.
 */
public interface DataKeys {

    /** The data key of {@code subjectId}, made and stored on first use. */
    DataKey forSubject(String subjectId);

    /** What the store knows of the key {@code keyId}. */
    Lookup find(String keyId);

    /** Destroys the key of {@code subjectId}: every field encrypted with it is lost. */
    void erase(String subjectId);

    /**
     * Waits until the key of {@code subjectId}, if this store just made it, is stored for
     * good; a service calls it before it acknowledges anything encrypted with the key.
     * @throws FieldEncryptionException if the key could not be stored
     */
    default void awaitStored(String subjectId) {
    }

    /**
     * {@code plaintext}, the value of {@code field}, encrypted under {@code subjectId}'s
     * key.
     */
    default String encrypt(String subjectId, String field, String plaintext) {
        return FieldCipher.encrypt(forSubject(subjectId), field, plaintext);
    }

    /**
     * The plaintext of {@code value}, the value of {@code field}: itself when it is not
     * encrypted, {@value #ERASED} when its key was erased.
     * @throws FieldEncryptionException if its key is unknown here, or it was altered
     */
    default String decrypt(String field, String value) {
        if (!FieldCipher.isEncrypted(value)) {
            return value;
        }
        String keyId = FieldCipher.keyId(value);
        Lookup lookup = find(keyId);
        if (lookup instanceof Lookup.Found found) {
            return FieldCipher.decrypt(found.key(), field, value);
        }
        if (lookup instanceof Lookup.Erased) {
            return ERASED;
        }
        throw new FieldEncryptionException(
                "Field " + field + " is encrypted under data key " + keyId + ", which this key store does not hold");
    }

    /** What a personal field reads as once its person's key was destroyed. */
    String ERASED = "[erased]";

    /** A key looked up by its id. */
    sealed interface Lookup {

        /** The key, unwrapped. */
        record Found(DataKey key) implements Lookup {
        }

        /** The key was destroyed on request: its fields are gone for good. */
        record Erased() implements Lookup {
        }

        /** No such key here: another deployment's record, or a store that lags behind. */
        record Unknown() implements Lookup {
        }

    }

}
