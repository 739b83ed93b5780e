package org.groupenrollment.serde.encryption;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys held in this JVM, wrapped by the KMS as a shared store keeps them: for tests
 * and for one process that writes and reads its own records.
 */
public final class InMemoryDataKeys implements DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKeys kms;

    /** The wrapped key of each subject; {@code null} bytes once erased. */
    private final Map<String, KeyEncryptionKeys.WrappedKey> wrapped = new ConcurrentHashMap<>();

    private final Map<String, DataKey> unwrapped = new ConcurrentHashMap<>();

    public InMemoryDataKeys(KeyEncryptionKeys kms) {
        this.kms = kms;
    }

    @Override
    public DataKey forSubject(String subjectId) {
        KeyEncryptionKeys.WrappedKey key = wrapped.computeIfAbsent(subjectId, id -> kms.wrap(newKey()));
        if (key.bytes() == null) {
            throw new FieldEncryptionException("Subject " + subjectId + " was erased: nothing more is written of it");
        }
        return unwrapped.computeIfAbsent(subjectId, id -> DataKey.unwrapped(id, kms, key));
    }

    @Override
    public Lookup find(String keyId) {
        KeyEncryptionKeys.WrappedKey key = wrapped.get(keyId);
        if (key == null) {
            return new Lookup.Unknown();
        }
        if (key.bytes() == null) {
            return new Lookup.Erased();
        }
        return new Lookup.Found(unwrapped.computeIfAbsent(keyId, id -> DataKey.unwrapped(id, kms, key)));
    }

    @Override
    public void erase(String subjectId) {
        wrapped.put(subjectId, new KeyEncryptionKeys.WrappedKey(null, null));
        unwrapped.remove(subjectId);
    }

    static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

}
