package org.groupenrollment.events.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) for values that must identify something without revealing
 * what: a person in a changelog key, a signup id derived from an idempotency key. Unlike
 * a plain hash, nobody who knows an email address can compute its key without the secret.
 * Every hash names its purpose, so one secret serves several uses without one hash
 * standing in for another.
 */
public final class HmacKeys {

    /** Where a local run keeps the key it generated, under its data folder. */
    static final String KEY_FILE = "secrets/hmac.key";

    private static final String ALGORITHM = "HmacSHA256";

    private static final int MIN_KEY_BYTES = 32;

    private final List<SecretKeySpec> keys;

    /**
     * One initialised Mac per key and thread: looking one up costs more than the hash
     * itself.
     */
    private final ThreadLocal<List<Mac>> macs;

    private HmacKeys(List<byte[]> keys) {
        this.keys = keys.stream().map(key -> new SecretKeySpec(key, ALGORITHM)).toList();
        this.macs = ThreadLocal.withInitial(() -> this.keys.stream().map(HmacKeys::newMac).toList());
    }

    /**
     * The configured keys; without one, the key in the data folder, generated on first
     * use, unless {@code production} (a deployment must set its own, shared by every
     * instance).
     */
    public static HmacKeys from(EnrollmentSecrets secrets, Path dataDir, boolean production) {
        List<byte[]> keys = new ArrayList<>();
        if (secrets.hmacKey() != null && !secrets.hmacKey().isBlank()) {
            keys.add(decode("enrollment.secrets.hmac-key", secrets.hmacKey()));
        }
        else if (production) {
            throw new IllegalStateException("enrollment.secrets.hmac-key is required in the production profile: "
                    + "set it (base64, 32 bytes or more) to the same secret on every instance");
        }
        else {
            keys.add(localKey(dataDir.resolve(KEY_FILE)));
        }
        secrets.previousHmacKeys().forEach(key -> keys.add(decode("enrollment.secrets.previous-hmac-keys", key)));
        return new HmacKeys(keys);
    }

    /** The hash of {@code input} for {@code purpose} under the current key, in hex. */
    public String hex(String purpose, String input) {
        return HexFormat.of().formatHex(mac(macs.get().get(0), purpose, input));
    }

    /**
     * The same hash under the current key and then every previous one, for look-ups
     * across a rotation.
     */
    public List<String> hexUnderEveryKey(String purpose, String input) {
        return macs.get().stream().map(mac -> HexFormat.of().formatHex(mac(mac, purpose, input))).toList();
    }

    /**
     * A UUID (RFC 9562 version 8) made of the hash: the same input always gives the same
     * id.
     */
    public UUID uuid(String purpose, String input) {
        ByteBuffer hash = ByteBuffer.wrap(mac(macs.get().get(0), purpose, input));
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * The first {@code length} bytes of the hash of {@code input} for {@code purpose}
     * under the current key: a signature.
     */
    public byte[] sign(String purpose, String input, int length) {
        return Arrays.copyOf(mac(macs.get().get(0), purpose, input), length);
    }

    /**
     * Whether {@code signature} is what {@link #sign} gives under the current key or a
     * previous one, compared in constant time so that timing tells nothing.
     */
    public boolean verifies(String purpose, String input, byte[] signature) {
        boolean verified = false;
        for (Mac mac : macs.get()) {
            byte[] expected = Arrays.copyOf(mac(mac, purpose, input), signature.length);
            verified |= MessageDigest.isEqual(expected, signature);
        }
        return verified;
    }

    private static byte[] mac(Mac mac, String purpose, String input) {
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every JVM has " + ALGORITHM, ex);
        }
    }

    private static byte[] decode(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(property + " is not base64", ex);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(
                    property + " holds " + key.length + " bytes; it needs at least " + MIN_KEY_BYTES);
        }
        return key;
    }

    /**
     * Reads the local key, or creates it: written whole to a temporary file, then linked
     * into place, so services starting at the same moment all end up with the one that
     * won.
     */
    private static byte[] localKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[MIN_KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path draft = Files.createTempFile(file.getParent(), "hmac", ".draft",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(draft, Base64.getEncoder().encodeToString(key));
                try {
                    Files.createLink(file, draft);
                }
                catch (FileAlreadyExistsException anotherServiceWon) {
                    // read below
                }
                finally {
                    Files.delete(draft);
                }
            }
            return decode(file.toString(), Files.readString(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or create the local HMAC key " + file, ex);
        }
    }

}
