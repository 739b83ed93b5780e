package org.groupenrollment.serde.encryption;

/**
 * The key management service: wraps data keys under a key-encryption key it never hands
 * out, and unwraps them again. The embedded default keeps its keys in a local file
 * ({@link LocalKeyEncryptionKeys}); a deployment plugs in its KMS (AWS KMS, Google Cloud
 * KMS, Vault transit...) behind this interface.
 */
public interface KeyEncryptionKeys {

    /**
     * {@code dataKey} (raw AES key bytes) wrapped under the current key-encryption key.
     */
    WrappedKey wrap(byte[] dataKey);

    /** The id of the key-encryption key {@link #wrap} wraps under now. */
    String currentId();

    /**
     * The raw data key inside {@code wrapped}, whichever key-encryption key it was
     * wrapped under, as long as that key is still kept.
     * @throws FieldEncryptionException if the key-encryption key is unknown or the
     * wrapped key was altered
     */
    byte[] unwrap(WrappedKey wrapped);

    /**
     * A data key as the key store keeps it: the id of its key-encryption key, and bytes.
     */
    record WrappedKey(String kekId, byte[] bytes) {
    }

}
