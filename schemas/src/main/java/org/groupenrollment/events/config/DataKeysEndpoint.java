package org.groupenrollment.events.config;

import java.util.Map;
import java.util.Set;

import org.groupenrollment.serde.encryption.KafkaDataKeys;
import org.groupenrollment.serde.encryption.KeyEncryptionKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Rotating the key-encryption keys, on each service's management port
 * ({@code /actuator/datakeys}), never on its public one. {@code GET}: the current key and
 * those live data keys are wrapped under. {@code POST} (with {@code {"rotate": true}} to
 * make a new current key first, for the embedded KMS; a real KMS rotates itself): wraps
 * every live data key again under the current key, in place, no topic rewritten.
 * {@code DELETE /actuator/datakeys/{kek}}: retires a key no live data key is wrapped
 * under, so that backups of the key topic taken before an erasure no longer yield the
 * erased person's key. Any one service does it for the deployment: they share the key
 * topic and the KMS.
 */
@Endpoint(id = "datakeys")
public class DataKeysEndpoint {

    private final KeyEncryptionKeys kms;

    private final KafkaDataKeys store;

    public DataKeysEndpoint(KeyEncryptionKeys kms, KafkaDataKeys store) {
        this.kms = kms;
        this.store = store;
    }

    @ReadOperation
    public Map<String, Object> keys() {
        return Map.of("current", kms.currentId(), "inUse", store.kekIdsInUse());
    }

    @WriteOperation
    public Map<String, Object> rewrap(@Nullable Boolean rotate) {
        if (Boolean.TRUE.equals(rotate)) {
            local().rotate();
        }
        int rewrapped = store.rewrap();
        return Map.of("current", kms.currentId(), "rewrapped", rewrapped, "inUse", store.kekIdsInUse());
    }

    /**
     * @throws IllegalArgumentException if {@code kek} is current, or a live data key is
     * still wrapped under it
     */
    @DeleteOperation
    public Map<String, Object> retire(@Selector String kek) {
        Set<String> inUse = store.kekIdsInUse();
        if (inUse.contains(kek)) {
            throw new IllegalArgumentException(
                    "Live data keys are still wrapped under " + kek + "; wrap them again (POST) first");
        }
        local().retire(kek);
        return Map.of("retired", kek, "current", kms.currentId(), "inUse", inUse);
    }

    private LocalKeyEncryptionKeys local() {
        if (kms instanceof LocalKeyEncryptionKeys local) {
            return local;
        }
        throw new IllegalStateException("This deployment's KMS rotates and retires its keys itself");
    }

}
