package org.groupenrollment.serde.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one string field: the value becomes
 * {@code enc1:<data key id>:<base64url
 * of nonce, ciphertext and tag>}, still a string, so the schema is unchanged and every
 * reader decodes the record. The field's name is authenticated with it, so a ciphertext
 * moved to another field, or any byte changed, is refused rather than read.
 */
public final class FieldCipher {

    /**
     * What every encrypted value starts with; the version lets the format change later.
     */
    public static final String PREFIX = "enc1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One cipher per thread, re-initialised for each value: looking one up costs more
     * than encrypting a name (bench/run).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(FieldCipher::newCipher);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private FieldCipher() {
    }

    /**
     * {@code plaintext} encrypted under {@code key} for the field named {@code field}.
     */
    public static String encrypt(DataKey key, String field, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = seal(key.key(), nonce, aad(key.id(), field), plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return PREFIX + key.id() + ":" + ENCODER.encodeToString(out.array());
    }

    /** Whether {@code value} is a field this class encrypted. */
    public static boolean isEncrypted(CharSequence value) {
        return value.length() > PREFIX.length() && value.toString().startsWith(PREFIX);
    }

    /** The id of the data key {@code encrypted} needs. */
    public static String keyId(String encrypted) {
        int end = encrypted.indexOf(':', PREFIX.length());
        if (!isEncrypted(encrypted) || end < 0) {
            throw new FieldEncryptionException("Not an encrypted field value (expected " + PREFIX + "<key id>:...)");
        }
        return encrypted.substring(PREFIX.length(), end);
    }

    /**
     * The plaintext of {@code encrypted}, for the field named {@code field}.
     * @throws FieldEncryptionException if it was not made with {@code key} for that
     * field, or was altered
     */
    public static String decrypt(DataKey key, String field, String encrypted) {
        String keyId = keyId(encrypted);
        if (!keyId.equals(key.id())) {
            throw new FieldEncryptionException(
                    "Field " + field + " is encrypted under data key " + keyId + ", not " + key.id());
        }
        byte[] body;
        try {
            body = DECODER.decode(encrypted.substring(PREFIX.length() + keyId.length() + 1));
        }
        catch (IllegalArgumentException ex) {
            throw new FieldEncryptionException("Field " + field + " holds a malformed ciphertext", ex);
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new FieldEncryptionException("Field " + field + " holds a truncated ciphertext");
        }
        try {
            return new String(open(key.key(), body, aad(keyId, field)), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException ex) {
            throw new FieldEncryptionException("Field " + field + " under data key " + keyId
                    + " failed authentication: altered, moved from another field, or the wrong key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new FieldEncryptionException("Cannot decrypt field " + field + " under data key " + keyId, ex);
        }
    }

    static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every JVM has " + TRANSFORMATION, ex);
        }
    }

    /**
     * What {@link #seal} sealed under {@code key} with {@code aad}, nonce first.
     */
    static byte[] open(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every JVM has " + TRANSFORMATION, ex);
        }
    }

    private static byte[] aad(String keyId, String field) {
        return (PREFIX + keyId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

}
