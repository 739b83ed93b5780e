package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The key topic as far as one reader has read it, on that reader's disk (RocksDB): each
 * key's record by its id, each subject's key ids, and how far each partition was read,
 * written together, so that a restart goes on from where it stopped. Its memory is a few
 * megabytes of RocksDB's own however many people there are: the keys stay on disk.
 * <p>
 * An erasure marker that replaces a live key is followed by a compaction of that key's
 * range, so its wrapped bytes leave this folder as soon as the marker is read, not
 * whenever RocksDB would have compacted. Values are stored uncompressed, so that a scan
 * of the folder finds what it holds.
 */
final class LocalKeyStore implements AutoCloseable {

    private static final byte KEY = 'k';

    private static final byte SUBJECT = 's';

    private static final byte POSITION = 'p';

    private static final byte[] TOPIC_ID = { 't' };

    private static final byte SEPARATOR = 0;

    static {
        RocksDB.loadLibrary();
    }

    private final Path folder;

    private final LRUCache blockCache;

    private final BloomFilter filter;

    private final Options options;

    /**
     * No write-ahead log: the topic is the log. A crash loses only what was read since
     * the last flush, the positions with it, so the copy reads it again; and no wrapped
     * key is ever written to a log file. Each flush has less to sync, too: with the log,
     * the end-to-end p99 in the benchmark window holding the first flush was some 25 ms
     * worse (docs/benchmarks.md).
     */
    private final WriteOptions writes = new WriteOptions().setDisableWAL(true);

    private RocksDB db;

    private LocalKeyStore(Path folder) {
        this.folder = folder;
        // Kept small: lookups are point reads of a few hundred bytes, and the notifier,
        // the processor and the console each hold one of these.
        this.blockCache = new LRUCache(8L << 20);
        this.filter = new BloomFilter(10);
        this.options = new Options().setCreateIfMissing(true)
            .setWriteBufferSize(4L << 20)
            .setMaxWriteBufferNumber(2)
            .setCompressionType(CompressionType.NO_COMPRESSION)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(2)
            .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(blockCache)
                .setFilterPolicy(filter)
                .setCacheIndexAndFilterBlocks(true));
    }

    /**
     * The copy in {@code folder} of the key topic whose id is {@code topicId}; a copy of
     * another topic (one deleted and declared again) is thrown away and read afresh.
     * @throws IllegalStateException if the folder cannot be opened, typically because
     * another instance holds it
     */
    static LocalKeyStore open(Path folder, String topicId) {
        LocalKeyStore store = new LocalKeyStore(folder);
        try {
            store.db = store.openDb();
            byte[] readOf = store.db.get(TOPIC_ID);
            if (readOf != null && !topicId.equals(new String(readOf, StandardCharsets.UTF_8))) {
                store.db.close();
                RocksDB.destroyDB(folder.toString(), store.options);
                store.db = store.openDb();
            }
            store.db.put(TOPIC_ID, topicId.getBytes(StandardCharsets.UTF_8));
            return store;
        }
        catch (RocksDBException | RuntimeException ex) {
            store.close();
            throw new IllegalStateException("Cannot open the copy of the data key topic in " + folder
                    + ": if another instance is using it, each instance of a service needs a folder of its own"
                    + " (enrollment.encryption.key-store-folder)", ex);
        }
    }

    private RocksDB openDb() throws RocksDBException {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return RocksDB.open(options, folder.toString());
    }

    /** The record of {@code keyId}, or null if none was read. */
    StoredKey get(String keyId) {
        try {
            byte[] json = db.get(keyEntry(keyId));
            return json == null ? null : StoredKey.parse(json);
        }
        catch (RocksDBException ex) {
            throw new FieldEncryptionException("Cannot read the data key " + keyId + " from " + folder, ex);
        }
        catch (IOException ex) {
            throw new FieldEncryptionException("The data key " + keyId + " in " + folder + " is unreadable", ex);
        }
    }

    /** The ids of every key read for {@code subject}. */
    List<String> keysOf(String subject) {
        byte[] prefix = subjectPrefix(subject);
        List<String> keyIds = new ArrayList<>();
        try (RocksIterator entries = db.newIterator()) {
            for (entries.seek(prefix); entries.isValid() && startsWith(entries.key(), prefix); entries.next()) {
                byte[] entry = entries.key();
                keyIds.add(new String(entry, prefix.length, entry.length - prefix.length, StandardCharsets.UTF_8));
            }
        }
        return keyIds;
    }

    /** Every key record read, live or erased. */
    void forEach(BiConsumer<String, StoredKey> action) {
        try (RocksIterator entries = db.newIterator()) {
            for (entries.seek(new byte[] { KEY }); entries.isValid() && entries.key()[0] == KEY; entries.next()) {
                byte[] entry = entries.key();
                action.accept(new String(entry, 1, entry.length - 1, StandardCharsets.UTF_8),
                        StoredKey.parse(entries.value()));
            }
        }
        catch (IOException ex) {
            throw new FieldEncryptionException("A data key in " + folder + " is unreadable", ex);
        }
    }

    /**
     * Writes {@code records} and how far each partition is read, at once; then, if a
     * marker replaced a live key, compacts those keys away.
     */
    void write(Map<String, StoredKey> records, Map<Integer, Long> positions) {
        List<byte[]> erased = new ArrayList<>();
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, StoredKey> record : records.entrySet()) {
                byte[] entry = keyEntry(record.getKey());
                if (record.getValue().erased() && replacesLiveKey(entry)) {
                    erased.add(entry);
                }
                batch.put(entry, record.getValue().json());
                batch.put(subjectEntry(record.getValue().subject(), record.getKey()), new byte[0]);
            }
            for (Map.Entry<Integer, Long> position : positions.entrySet()) {
                batch.put(positionEntry(position.getKey()),
                        ByteBuffer.allocate(Long.BYTES).putLong(position.getValue()).array());
            }
            db.write(writes, batch);
            if (!erased.isEmpty()) {
                compact(erased);
            }
        }
        catch (RocksDBException ex) {
            throw new FieldEncryptionException("Cannot write data keys to " + folder, ex);
        }
    }

    private boolean replacesLiveKey(byte[] entry) throws RocksDBException {
        byte[] before = db.get(entry);
        try {
            return before != null && !StoredKey.parse(before).erased();
        }
        catch (IOException ex) {
            // Unreadable, so compacted away with the rest.
            return true;
        }
    }

    /** Forgets a key that was never stored on the topic. */
    void remove(String keyId, String subject) {
        try {
            db.delete(keyEntry(keyId));
            db.delete(subjectEntry(subject, keyId));
        }
        catch (RocksDBException ex) {
            throw new FieldEncryptionException("Cannot forget the data key " + keyId + " in " + folder, ex);
        }
    }

    /** How far each partition was read, as written with the records. */
    Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new HashMap<>();
        try (RocksIterator entries = db.newIterator()) {
            for (entries.seek(new byte[] { POSITION }); entries.isValid() && entries.key()[0] == POSITION; entries
                .next()) {
                positions.put(ByteBuffer.wrap(entries.key(), 1, Integer.BYTES).getInt(),
                        ByteBuffer.wrap(entries.value()).getLong());
            }
        }
        return positions;
    }

    /**
     * Rewrites every file holding one of {@code entries} (memtable and write-ahead log
     * included), down to the last level, dropping the versions a marker replaced.
     */
    private void compact(List<byte[]> entries) throws RocksDBException {
        entries.sort(Arrays::compareUnsigned);
        try (CompactRangeOptions everyLevel = new CompactRangeOptions()
            .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
            db.compactRange(db.getDefaultColumnFamily(), entries.get(0), entries.get(entries.size() - 1), everyLevel);
        }
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
        }
        writes.close();
        options.close();
        filter.close();
        blockCache.close();
    }

    private static byte[] keyEntry(String keyId) {
        return prefixed(KEY, keyId.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] subjectPrefix(String subject) {
        byte[] id = subject.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = prefixed(SUBJECT, Arrays.copyOf(id, id.length + 1));
        prefix[prefix.length - 1] = SEPARATOR;
        return prefix;
    }

    private static byte[] subjectEntry(String subject, String keyId) {
        byte[] prefix = subjectPrefix(subject);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] entry = Arrays.copyOf(prefix, prefix.length + id.length);
        System.arraycopy(id, 0, entry, prefix.length, id.length);
        return entry;
    }

    private static byte[] positionEntry(int partition) {
        return ByteBuffer.allocate(1 + Integer.BYTES).put(POSITION).putInt(partition).array();
    }

    private static byte[] prefixed(byte prefix, byte[] rest) {
        byte[] entry = new byte[rest.length + 1];
        entry[0] = prefix;
        System.arraycopy(rest, 0, entry, 1, rest.length);
        return entry;
    }

    private static boolean startsWith(byte[] entry, byte[] prefix) {
        return entry.length >= prefix.length && Arrays.equals(entry, 0, prefix.length, prefix, 0, prefix.length);
    }

}
