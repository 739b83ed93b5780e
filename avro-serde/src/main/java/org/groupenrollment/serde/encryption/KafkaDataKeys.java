package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every person's data keys in a compacted Kafka topic, read whole by every instance of
 * every service that reads keys, into a copy on its own disk ({@link LocalKeyStore}),
 * wrapped: each key under an id of its own (a random UUID, named in each ciphertext), its
 * record holding the subject it belongs to, the KMS key it is wrapped under and the
 * wrapped bytes, as JSON. Only the keys used lately are kept unwrapped in memory, up to a
 * bound, so memory does not grow with the number of people. Erasing a subject writes, for
 * each of its keys, a record without the key under the same id: compaction removes the
 * wrapped key from the broker's disks within the topic's {@code max.compaction.lag.ms},
 * each reader's copy drops it as soon as it reads the marker, and the marker lets every
 * reader say "erased" rather than "unknown" for good.
 * <p>
 * Two instances making a key for one subject at once make two keys, both the subject's,
 * both erased with it: no instance waits on another. A reader that meets a key id it has
 * not read yet waits, up to its patience, for the topic to catch up.
 */
public final class KafkaDataKeys implements DataKeys, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaDataKeys.class);

    private final KeyEncryptionKeys kms;

    private final String topic;

    private final Duration patience;

    private final NewTopic declared;

    private final Map<String, Object> clientConfigs;

    private KafkaProducer<String, byte[]> producer;

    private KafkaConsumer<String, byte[]> consumer;

    /**
     * Where this store keeps its copy of the topic; null for one that only makes keys.
     */
    private final Path folder;

    private final Cache<String, DataKey> unwrapped;

    private LocalKeyStore local;

    /** Keys made here whose records the broker has not acknowledged yet, by subject. */
    private final Map<String, CompletableFuture<RecordMetadata>> storing = new ConcurrentHashMap<>();

    private Admin admin;

    private List<TopicPartition> partitions;

    private Thread reader;

    /**
     * Connected on first use, so a service that never meets a personal field never
     * connects.
     */
    private volatile boolean started;

    private volatile Map<TopicPartition, Long> positions = Map.of();

    /** Notified each time the reader has read further, for those waiting on it. */
    private final Object progress = new Object();

    private volatile boolean running = true;

    /**
     * A store on {@code topic}, connected on first use: it then declares the topic unless
     * it exists, reads it into its copy in {@code folder} from where that copy had read
     * to (from its beginning the first time), and goes on once every record written
     * before has been read.
     * @param clientConfigs bootstrap servers and security settings, shared by this
     * store's producer, consumer and admin client
     * @param folder this instance's own: no two instances may share one
     * @param keptUnwrapped how many keys, the most lately used, are kept unwrapped in
     * memory (each a few hundred bytes); the others are unwrapped again when next used
     */
    public KafkaDataKeys(KeyEncryptionKeys kms, NewTopic topic, Map<String, Object> clientConfigs, Duration patience,
            Path folder, int keptUnwrapped) {
        this.kms = kms;
        this.topic = topic.name();
        this.declared = topic;
        this.clientConfigs = Map.copyOf(clientConfigs);
        this.patience = patience;
        this.folder = folder;
        this.unwrapped = Caffeine.newBuilder().maximumSize(keptUnwrapped).build();
    }

    /**
     * A store that only makes keys, for a service that encrypts each person's first
     * record and never reads one (the signup service): it neither reads the topic nor
     * keeps anyone's key but the one it is storing, so it holds no one else's key at all,
     * and costs no memory per person. It cannot find, erase or rewrap keys.
     */
    public static KafkaDataKeys makingOnly(KeyEncryptionKeys kms, NewTopic topic, Map<String, Object> clientConfigs,
            Duration patience) {
        return new KafkaDataKeys(kms, topic, clientConfigs, patience, null, 1);
    }

    /** Whether this store reads the topic; false for one that only makes keys. */
    public boolean reads() {
        return folder != null;
    }

    private void ensureReading() {
        ensureStarted();
        if (!reads()) {
            throw new IllegalStateException("This key store only makes keys: it reads none");
        }
    }

    private void ensureStarted() {
        if (!started) {
            start();
        }
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        try {
            connect();
            started = true;
        }
        catch (RuntimeException ex) {
            // Nothing half-open is kept: the next use tries again from the start.
            close();
            throw ex;
        }
    }

    private void connect() {
        running = true;
        // Read afresh: where an earlier connection had read to says nothing of this one.
        positions = Map.of();
        this.admin = Admin.create(clientConfigs);
        declare(declared);
        this.producer = new KafkaProducer<>(producerConfigs(clientConfigs), new StringSerializer(),
                new ByteArraySerializer());
        if (!reads()) {
            return;
        }
        this.local = LocalKeyStore.open(folder, topicId());
        this.consumer = new KafkaConsumer<>(consumerConfigs(clientConfigs), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = partitions();
        consumer.assign(this.partitions);
        Map<Integer, Long> readTo = local.positions();
        for (TopicPartition partition : this.partitions) {
            Long position = readTo.get(partition.partition());
            if (position == null) {
                consumer.seekToBeginning(List.of(partition));
            }
            else {
                consumer.seek(partition, position);
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(this.partitions);
        this.reader = new Thread(this::readForever, "data-keys-reader");
        reader.setDaemon(true);
        reader.start();
        if (!caughtUpWith(ends, patience.multipliedBy(6))) {
            throw new IllegalStateException("The data key topic " + this.topic + " could not be read within "
                    + patience.multipliedBy(6) + "; nothing can be encrypted or decrypted without it");
        }
    }

    /** The key topic's id: a copy read from another topic of the same name is void. */
    private String topicId() {
        try {
            return admin.describeTopics(List.of(topic))
                .topicNameValues()
                .get(topic)
                .get(patience.toMillis(), TimeUnit.MILLISECONDS)
                .topicId()
                .toString();
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Cannot describe the data key topic " + topic, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing the data key topic " + topic, ex);
        }
    }

    /**
     * The key topic's partitions, once the broker's metadata shows them: a topic this
     * store has just declared takes a moment to appear there.
     */
    private List<TopicPartition> partitions() {
        long deadline = System.nanoTime() + patience.toNanos();
        List<TopicPartition> partitions = new ArrayList<>();
        while (partitions.isEmpty()) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty() && !pause(deadline, Duration.ofMillis(50))) {
                throw new IllegalStateException("The data key topic " + topic + " does not exist");
            }
        }
        return List.copyOf(partitions);
    }

    /**
     * Waits {@code interval} before looking again; false once {@code deadline} has
     * passed, or when interrupted.
     */
    private static boolean pause(long deadline, Duration interval) {
        if (System.nanoTime() > deadline) {
            return false;
        }
        try {
            Thread.sleep(interval.toMillis());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The key topic as it must be: compacted, so that an erased key's record is replaced
     * by its marker on disk within {@code erasedKeyGoneWithin} (segments roll and become
     * cleanable twice as often), and the replaced files deleted a minute later.
     */
    public static NewTopic topic(String name, short replicationFactor, Duration erasedKeyGoneWithin) {
        String lag = Long.toString(erasedKeyGoneWithin.toMillis() / 2);
        Map<String, String> configs = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.SEGMENT_MS_CONFIG, lag,
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, lag, TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                TopicConfig.FILE_DELETE_DELAY_MS_CONFIG, "60000"));
        return new NewTopic(name, 1, replicationFactor).configs(configs);
    }

    @Override
    public DataKey forSubject(String subjectId) {
        ensureStarted();
        if (!reads()) {
            return create(subjectId);
        }
        for (String keyId : local.keysOf(subjectId)) {
            StoredKey stored = local.get(keyId);
            if (stored != null && stored.erased()) {
                throw new FieldEncryptionException(
                        "Subject " + subjectId + " was erased: nothing more is written of it");
            }
            if (stored != null) {
                return unwrap(keyId, stored);
            }
        }
        return create(subjectId);
    }

    /**
     * Makes a key for each of {@code subjectIds} that has none, all sent at once and each
     * acknowledged before this returns: for writing many people's records in one go (an
     * import, a benchmark's backlog), where one round trip per key would dominate.
     */
    public void createAll(Collection<String> subjectIds) {
        ensureReading();
        Map<String, StoredKey> made = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String subjectId : subjectIds) {
            if (!local.keysOf(subjectId).isEmpty()) {
                continue;
            }
            String keyId = UUID.randomUUID().toString();
            StoredKey stored = StoredKey.live(subjectId, kms.wrap(InMemoryDataKeys.newKey()));
            made.put(keyId, stored);
            sent.add(producer.send(new ProducerRecord<>(topic, keyId, stored.json())));
        }
        for (Future<RecordMetadata> each : sent) {
            await(each, "a batch of data keys");
        }
        local.write(made, Map.of());
    }

    @Override
    public Lookup find(String keyId) {
        ensureReading();
        DataKey kept = unwrapped.getIfPresent(keyId);
        if (kept != null) {
            return new Lookup.Found(kept);
        }
        StoredKey stored = local.get(keyId);
        if (stored == null && caughtUpWith(endOffsets(), patience)) {
            stored = local.get(keyId);
        }
        if (stored == null) {
            return new Lookup.Unknown();
        }
        return stored.erased() ? new Lookup.Erased() : new Lookup.Found(unwrap(keyId, stored));
    }

    @Override
    public void erase(String subjectId) {
        ensureReading();
        caughtUpWith(endOffsets(), patience);
        for (String keyId : local.keysOf(subjectId)) {
            write(keyId, StoredKey.erasedMarker(subjectId));
        }
    }

    /**
     * Wraps every live data key again under the KMS's current key-encryption key, in
     * place (same id, same key), so that the earlier key-encryption keys can be retired
     * once compaction has dropped the records wrapped under them: from then on, a backup
     * of this topic taken before a person's erasure no longer yields their key. Returns
     * how many it wrapped again.
     */
    public synchronized int rewrap() {
        ensureReading();
        caughtUpWith(endOffsets(), patience);
        String current = kms.currentId();
        Map<String, StoredKey> rewrapped = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        local.forEach((keyId, stored) -> {
            if (!stored.erased() && !current.equals(stored.kek())) {
                StoredKey again = StoredKey.live(stored.subject(), kms.wrap(kms.unwrap(stored.wrappedKey())));
                sent.add(producer.send(new ProducerRecord<>(topic, keyId, again.json())));
                rewrapped.put(keyId, again);
            }
        });
        for (Future<RecordMetadata> each : sent) {
            await(each, "a data key wrapped again");
        }
        local.write(rewrapped, Map.of());
        return rewrapped.size();
    }

    /** The key-encryption keys that live data keys are wrapped under now. */
    public Set<String> kekIdsInUse() {
        ensureReading();
        caughtUpWith(endOffsets(), patience);
        Set<String> inUse = new TreeSet<>();
        local.forEach((keyId, stored) -> {
            if (!stored.erased()) {
                inUse.add(stored.kek());
            }
        });
        return inUse;
    }

    /** Whether every key of {@code subjectId} this store has read is erased. */
    public boolean isErased(String subjectId) {
        ensureReading();
        List<String> keys = local.keysOf(subjectId);
        return !keys.isEmpty() && keys.stream().map(local::get).allMatch(stored -> stored != null && stored.erased());
    }

    @Override
    public synchronized void close() {
        running = false;
        started = false;
        if (reader != null) {
            try {
                consumer.wakeup();
                reader.join(Duration.ofSeconds(5).toMillis());
            }
            catch (IllegalStateException ex) {
                // The reader stopped on an error and closed its consumer already.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        else if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (local != null) {
            // After the reader, which writes to it, has stopped.
            local.close();
        }
        unwrapped.invalidateAll();
        local = null;
        reader = null;
        consumer = null;
        producer = null;
        admin = null;
    }

    private void declare(NewTopic wanted) {
        try {
            admin.createTopics(List.of(wanted)).all().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot declare the data key topic " + wanted.name(), ex.getCause());
            }
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("The broker did not answer within " + patience + " when the data key topic "
                    + wanted.name() + " was declared", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while declaring " + wanted.name(), ex);
        }
    }

    /**
     * A new key, usable at once: its record is sent, and {@link #awaitStored} waits for
     * the broker to hold it, so that a service can send the key and the first record
     * encrypted with it together and wait for both (one round trip instead of two).
     */
    private DataKey create(String subjectId) {
        String keyId = UUID.randomUUID().toString();
        byte[] raw = InMemoryDataKeys.newKey();
        StoredKey stored = StoredKey.live(subjectId, kms.wrap(raw));
        DataKey key = new DataKey(keyId, new SecretKeySpec(raw, "AES"));
        if (reads()) {
            // Before it is sent: a send that fails at once forgets it again.
            local.write(Map.of(keyId, stored), Map.of());
            unwrapped.put(keyId, key);
        }
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        storing.put(subjectId, written);
        producer.send(new ProducerRecord<>(topic, keyId, stored.json()), (metadata, failure) -> {
            if (failure == null) {
                storing.remove(subjectId, written);
                written.complete(metadata);
            }
            else {
                // Not stored: forgotten here too, so that a retry makes a key afresh.
                forget(keyId, subjectId);
                written.completeExceptionally(failure);
            }
        });
        return key;
    }

    /**
     * Waits until the key made for {@code subjectId} by this store is on every in-sync
     * replica; at once if it is, or was made elsewhere.
     * @throws FieldEncryptionException if it could not be stored: nothing encrypted with
     * it may be acknowledged
     */
    @Override
    public void awaitStored(String subjectId) {
        CompletableFuture<RecordMetadata> written = storing.get(subjectId);
        if (written != null) {
            try {
                await(written, "the data key of " + subjectId);
            }
            finally {
                storing.remove(subjectId, written);
            }
        }
    }

    private void forget(String keyId, String subjectId) {
        unwrapped.invalidate(keyId);
        LocalKeyStore copy = local;
        if (copy != null) {
            copy.remove(keyId, subjectId);
        }
    }

    private DataKey unwrap(String keyId, StoredKey stored) {
        return unwrapped.get(keyId, id -> DataKey.unwrapped(id, kms, stored.wrappedKey()));
    }

    /** An erasure marker, on every in-sync replica before the erasure is said done. */
    private void write(String keyId, StoredKey marker) {
        await(producer.send(new ProducerRecord<>(topic, keyId, marker.json())), "data key " + keyId);
        unwrapped.invalidate(keyId);
        local.write(Map.of(keyId, marker), Map.of());
    }

    private void await(Future<RecordMetadata> sent, String what) {
        try {
            sent.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new FieldEncryptionException("Could not store " + what + " on " + topic, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FieldEncryptionException("Interrupted while storing " + what, ex);
        }
    }

    private void readForever() {
        try {
            while (running) {
                Map<String, StoredKey> read = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read(record, read);
                }
                Map<TopicPartition, Long> now = new HashMap<>();
                Map<Integer, Long> readTo = new HashMap<>();
                for (TopicPartition partition : consumer.assignment()) {
                    now.put(partition, consumer.position(partition));
                    readTo.put(partition.partition(), now.get(partition));
                }
                if (read.isEmpty() && now.equals(positions)) {
                    continue;
                }
                local.write(read, readTo);
                read.forEach((keyId, stored) -> {
                    if (stored.erased()) {
                        unwrapped.invalidate(keyId);
                    }
                });
                positions = now;
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        }
        catch (WakeupException ex) {
            // closing
        }
        catch (RuntimeException ex) {
            log.error("Reading the data key topic {} stopped; keys made since cannot be found here", topic, ex);
        }
        finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void read(ConsumerRecord<String, byte[]> record, Map<String, StoredKey> read) {
        if (record.value() == null) {
            return;
        }
        try {
            read.put(record.key(), StoredKey.parse(record.value()));
        }
        catch (IOException ex) {
            log.error("Skipping an unreadable data key record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset(), ex);
        }
    }

    /** Where each partition ends now: what a reader must have read to know every key. */
    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                .all()
                .get(patience.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new FieldEncryptionException("Cannot learn how far the data key topic " + topic + " goes", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FieldEncryptionException("Interrupted while reading the data key topic " + topic, ex);
        }
    }

    /**
     * Whether the reader has read up to {@code ends} within {@code within}: woken as soon
     * as it reads further, so that a key written a moment ago is found a moment later.
     */
    private boolean caughtUpWith(Map<TopicPartition, Long> ends, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (progress) {
            while (!readUpTo(ends)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean readUpTo(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> read = positions;
        return ends.entrySet().stream().allMatch(end -> read.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private static Map<String, Object> producerConfigs(Map<String, Object> clientConfigs) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        // A key must be on every in-sync replica before anything encrypted with it is
        // acknowledged (awaitStored).
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each key goes with the one signup it is made for, whose answer waits for both:
        // lingering would only add to that wait. Instead one request is out at a time and
        // the keys made meanwhile go in the next, as the signup service's own producer
        // does:
        // fewer, fuller requests for the broker to handle.
        configs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        configs.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return configs;
    }

    private static Map<String, Object> consumerConfigs(Map<String, Object> clientConfigs) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        // Assigned, never subscribed: every instance reads every key, and commits
        // nothing.
        configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Up to 25 ms for 16 KB of keys rather than one fetch per key: a key is needed
        // only
        // once its signup is decided, which takes longer, and a reader that meets a key
        // it
        // has not read yet waits for it (find). One fetch per key cost the notifier a
        // tenth
        // of its CPU, and the broker as much again (bench/run, async-profiler).
        configs.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16384);
        configs.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 25);
        return configs;
    }

}
