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
