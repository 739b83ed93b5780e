package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded KMS: key-encryption keys in files of a folder ({@code kek-<n>.key}, 32
 * random bytes each, readable by the owner only), the highest number the current one.
 * Made on first use. {@link #rotate()} adds a new current key without touching any topic:
 * data keys wrapped under an older one still unwrap, until that one is
 * {@link #retire(String) retired} after the key store rewrapped them. A deployment
 * replaces this class with its own KMS; these files are for a single machine.
 */
public final class LocalKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final Pattern FILE = Pattern.compile("kek-(\\d{4})\\.key");

    private static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    /** How often the folder is looked at again for a key made elsewhere. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

    private volatile TreeMap<String, SecretKey> keys;

    private volatile long readAt;

    private LocalKeyEncryptionKeys(Path folder) {
        this.folder = folder;
        reread();
    }

    private void reread() {
        keys = read(folder);
        readAt = System.nanoTime();
    }

    /** The keys in {@code folder}, one made first when there is none. */
    public static LocalKeyEncryptionKeys in(Path folder) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the key folder " + folder, ex);
        }
        LocalKeyEncryptionKeys kms = new LocalKeyEncryptionKeys(folder);
        if (kms.keys.isEmpty()) {
            kms.create("kek-0001");
        }
        return kms;
    }

    /**
     * The id of the key new data keys are wrapped under: the folder is looked at again at
     * most every {@link #LOOK_AGAIN}, so a rotation by another process sharing it reaches
     * this one within that time, without a restart.
     */
    @Override
    public String currentId() {
        if (System.nanoTime() - readAt > LOOK_AGAIN.toNanos()) {
            reread();
        }
        return keys.lastKey();
    }

    /** Makes a new current key-encryption key and returns its id. */
    public synchronized String rotate() {
        int next = keys.keySet().stream().mapToInt(id -> Integer.parseInt(id.substring(4))).max().orElse(0) + 1;
        String id = "kek-%04d".formatted(next);
        if (!create(id)) {
            throw new IllegalStateException("Key-encryption key " + id + " was made elsewhere meanwhile; rotate again");
        }
        return id;
    }

    /**
     * Makes the key {@code id} unless another process sharing the folder made it first
     * (services starting together on one volume): written whole under a name of its own,
     * then linked into place, which fails if the key exists, so no reader ever sees half
     * a key and no key is ever replaced.
     */
    private synchronized boolean create(String id) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path draft = folder.resolve(id + ".key." + UUID.randomUUID() + ".draft");
        try {
            write(draft, key);
            Files.createLink(folder.resolve(id + ".key"), draft);
            return true;
        }
        catch (FileAlreadyExistsException ex) {
            return false;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write key-encryption key " + id + " in " + folder, ex);
        }
        finally {
            deleteQuietly(draft);
            reread();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            // A draft left behind holds a key nobody uses; it is never read.
        }
    }

    /**
     * Destroys a key-encryption key that is no longer current: every data key still
     * wrapped under it becomes unreadable, in every copy and backup of the key store.
     */
    public synchronized void retire(String kekId) {
        if (kekId.equals(currentId())) {
            throw new IllegalArgumentException("The current key-encryption key cannot be retired; rotate first");
        }
        try {
            Files.deleteIfExists(folder.resolve(kekId + ".key"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot delete key-encryption key " + kekId, ex);
        }
        reread();
    }

    @Override
    public WrappedKey wrap(byte[] dataKey) {
        String kekId = currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = FieldCipher.seal(keys.get(kekId), nonce, aad(kekId), dataKey);
        return new WrappedKey(kekId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped) {
        SecretKey kek = keys.get(wrapped.kekId());
        if (kek == null) {
            // Made since by another process sharing the folder?
            reread();
            kek = keys.get(wrapped.kekId());
        }
        if (kek == null) {
            throw new FieldEncryptionException("Key-encryption key " + wrapped.kekId() + " is not in " + folder
                    + " (retired, or this is another deployment's key store)");
        }
        byte[] bytes = wrapped.bytes();
        try {
            return FieldCipher.open(kek, bytes, aad(wrapped.kekId()));
        }
        catch (AEADBadTagException ex) {
            throw new FieldEncryptionException("A data key wrapped under " + wrapped.kekId() + " failed authentication",
                    ex);
        }
        catch (GeneralSecurityException ex) {
            throw new FieldEncryptionException("Cannot unwrap a data key under " + wrapped.kekId(), ex);
        }
    }

    private static byte[] aad(String kekId) {
        return ("wrapped-data-key:" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    private static TreeMap<String, SecretKey> read(Path folder) {
        TreeMap<String, SecretKey> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byte[] key = Files.readAllBytes(file);
                    if (key.length != KEY_BYTES) {
                        throw new IllegalStateException(
                                "Key-encryption key " + file + " holds " + key.length + " bytes, not " + KEY_BYTES);
                    }
                    found.put("kek-" + name.group(1), new SecretKeySpec(key, "AES"));
                    Arrays.fill(key, (byte) 0);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the key folder " + folder, ex);
        }
        return found;
    }

    private static void write(Path file, byte[] key) {
        try {
            Path created = Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(created, key);
        }
        catch (FileAlreadyExistsException ex) {
            throw new IllegalStateException("Key-encryption key " + file + " exists already", ex);
        }
        catch (UnsupportedOperationException ex) {
            writeWithoutPermissions(file, key);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write key-encryption key " + file, ex);
        }
        finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void writeWithoutPermissions(Path file, byte[] key) {
        try {
            Files.write(file, key);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write key-encryption key " + file, ex);
        }
    }

}
