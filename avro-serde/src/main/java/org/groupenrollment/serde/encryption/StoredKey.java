package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A key record, as JSON on the key topic and in each reader's copy of it: a live key
 * wrapped by the KMS, or the marker of an erased one.
 */
record StoredKey(String subject, String kek, String wrapped, String erasedAt) {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static StoredKey live(String subject, KeyEncryptionKeys.WrappedKey wrapped) {
        return new StoredKey(subject, wrapped.kekId(), Base64.getEncoder().encodeToString(wrapped.bytes()), null);
    }

    static StoredKey erasedMarker(String subject) {
        return new StoredKey(subject, null, null, Instant.now().toString());
    }

    boolean erased() {
        return erasedAt != null;
    }

    KeyEncryptionKeys.WrappedKey wrappedKey() {
        return new KeyEncryptionKeys.WrappedKey(kek, Base64.getDecoder().decode(wrapped));
    }

    byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static StoredKey parse(byte[] json) throws IOException {
        return JSON.readValue(json, StoredKey.class);
    }

}
