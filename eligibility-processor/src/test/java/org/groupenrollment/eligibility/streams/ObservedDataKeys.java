package org.groupenrollment.eligibility.streams;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.groupenrollment.serde.encryption.DataKey;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.InMemoryDataKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;

/**
 * Data keys whose use the tests watch: how many keys were looked up to open a field, and
 * whose keys were destroyed.
 */
final class ObservedDataKeys implements DataKeys {

    private final DataKeys keys;

    final AtomicInteger lookups = new AtomicInteger();

    final List<String> erased = new CopyOnWriteArrayList<>();

    private ObservedDataKeys(DataKeys keys) {
        this.keys = keys;
    }

    /** Keys in memory, wrapped by a KMS whose key files are in {@code keyFolder}. */
    static ObservedDataKeys wrappedBy(Path keyFolder) {
        return new ObservedDataKeys(new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder)));
    }

    @Override
    public DataKey forSubject(String subjectId) {
        return keys.forSubject(subjectId);
    }

    @Override
    public Lookup find(String keyId) {
        lookups.incrementAndGet();
        return keys.find(keyId);
    }

    @Override
    public void erase(String subjectId) {
        erased.add(subjectId);
        keys.erase(subjectId);
    }

}
