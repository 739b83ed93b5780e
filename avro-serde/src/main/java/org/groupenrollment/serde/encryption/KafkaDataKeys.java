package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.HashMap;
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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * every service and kept in memory, wrapped: each key under an id of its own (a random
 * UUID, named in each ciphertext), its record holding the subject it belongs to, the KMS
 * key it is wrapped under and the wrapped bytes, as JSON. Erasing a subject writes, for
 * each of its keys, a record without the key under the same id: compaction removes the
 * wrapped key from the broker's disks within the topic's {@code max.compaction.lag.ms},
 * and the marker lets every reader say "erased" rather than "unknown" for good.
 * <p>
 * Two instances making a key for one subject at once make two keys, both the subject's,
 * both erased with it: no instance waits on another. A reader that meets a key id it has
 * not read yet waits, up to its patience, for the topic to catch up.
 */
public final class KafkaDataKeys implements DataKeys, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaDataKeys.class);

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final KeyEncryptionKeys kms;

    private final String topic;

    private final Duration patience;

    private final NewTopic declared;

    private final Map<String, Object> clientConfigs;

    private KafkaProducer<String, byte[]> producer;

    private KafkaConsumer<String, byte[]> consumer;

    private final Map<String, Stored> byId = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> bySubject = new ConcurrentHashMap<>();

    private final Map<String, DataKey> unwrapped = new ConcurrentHashMap<>();

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

    private volatile boolean running = true;

    private final boolean reads;

    /**
     * A store on {@code topic}, connected on first use: it then declares the topic unless
     * it exists, starts reading it from its beginning, and goes on once every record
     * written before has been read.
     * @param clientConfigs bootstrap servers and security settings, shared by this
     * store's producer, consumer and admin client
     */
    public KafkaDataKeys(KeyEncryptionKeys kms, NewTopic topic, Map<String, Object> clientConfigs, Duration patience) {
        this(kms, topic, clientConfigs, patience, true);
    }

    private KafkaDataKeys(KeyEncryptionKeys kms, NewTopic topic, Map<String, Object> clientConfigs, Duration patience,
            boolean reads) {
        this.kms = kms;
        this.topic = topic.name();
        this.declared = topic;
        this.clientConfigs = Map.copyOf(clientConfigs);
        this.patience = patience;
        this.reads = reads;
    }

    /**
     * A store that only makes keys, for a service that encrypts each person's first
     * record and never reads one (the signup service): it neither reads the topic nor
     * keeps anyone's key but the one it is storing, so it holds no one else's key at all,
     * and costs no memory per person. It cannot find, erase or rewrap keys.
     */
    public static KafkaDataKeys makingOnly(KeyEncryptionKeys kms, NewTopic topic, Map<String, Object> clientConfigs,
            Duration patience) {
        return new KafkaDataKeys(kms, topic, clientConfigs, patience, false);
    }

    /** Whether this store reads the topic; false for one that only makes keys. */
    public boolean reads() {
        return reads;
    }

    private void ensureReading() {
        ensureStarted();
        if (!reads) {
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
        if (!reads) {
            return;
        }
        this.consumer = new KafkaConsumer<>(consumerConfigs(clientConfigs), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = partitions();
        consumer.assign(this.partitions);
        consumer.seekToBeginning(this.partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(this.partitions);
        this.reader = new Thread(this::readForever, "data-keys-reader");
        reader.setDaemon(true);
        reader.start();
        if (!caughtUpWith(ends, patience.multipliedBy(6))) {
            throw new IllegalStateException("The data key topic " + this.topic + " could not be read within "
                    + patience.multipliedBy(6) + "; nothing can be encrypted or decrypted without it");
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
        if (!reads) {
            return create(subjectId);
        }
        for (String keyId : bySubject.getOrDefault(subjectId, Set.of())) {
            Stored stored = byId.get(keyId);
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
        Map<String, Stored> made = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String subjectId : subjectIds) {
            if (bySubject.containsKey(subjectId)) {
                continue;
            }
            String keyId = UUID.randomUUID().toString();
            KeyEncryptionKeys.WrappedKey wrapped = kms.wrap(InMemoryDataKeys.newKey());
            Stored stored = new Stored(subjectId, wrapped.kekId(), Base64.getEncoder().encodeToString(wrapped.bytes()),
                    null);
            made.put(keyId, stored);
            sent.add(producer.send(new ProducerRecord<>(topic, keyId, json(stored))));
        }
        for (Future<RecordMetadata> each : sent) {
            await(each, "a batch of data keys");
        }
        made.forEach(this::apply);
    }

    @Override
    public Lookup find(String keyId) {
        ensureReading();
        Stored stored = byId.get(keyId);
        if (stored == null && caughtUpWith(endOffsets(), patience)) {
            stored = byId.get(keyId);
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
        for (String keyId : bySubject.getOrDefault(subjectId, Set.of())) {
            write(keyId, new Stored(subjectId, null, null, Instant.now().toString()));
            unwrapped.remove(keyId);
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
        Map<String, Stored> rewrapped = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        byId.forEach((keyId, stored) -> {
            if (!stored.erased() && !current.equals(stored.kek())) {
                KeyEncryptionKeys.WrappedKey wrapped = kms.wrap(kms.unwrap(
                        new KeyEncryptionKeys.WrappedKey(stored.kek(), Base64.getDecoder().decode(stored.wrapped()))));
                Stored again = new Stored(stored.subject(), wrapped.kekId(),
                        Base64.getEncoder().encodeToString(wrapped.bytes()), null);
                sent.add(producer.send(new ProducerRecord<>(topic, keyId, json(again))));
                rewrapped.put(keyId, again);
            }
        });
        for (Future<RecordMetadata> each : sent) {
            await(each, "a data key wrapped again");
        }
        rewrapped.forEach(this::apply);
        return rewrapped.size();
    }

    /** The key-encryption keys that live data keys are wrapped under now. */
    public Set<String> kekIdsInUse() {
        ensureReading();
        caughtUpWith(endOffsets(), patience);
        Set<String> inUse = new TreeSet<>();
        byId.values().stream().filter(stored -> !stored.erased()).forEach(stored -> inUse.add(stored.kek()));
        return inUse;
    }

    /** Whether every key of {@code subjectId} this store has read is erased. */
    public boolean isErased(String subjectId) {
        ensureReading();
        Set<String> keys = bySubject.getOrDefault(subjectId, Set.of());
        return !keys.isEmpty() && keys.stream().map(byId::get).allMatch(stored -> stored != null && stored.erased());
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
        KeyEncryptionKeys.WrappedKey wrapped = kms.wrap(raw);
        Stored stored = new Stored(subjectId, wrapped.kekId(), Base64.getEncoder().encodeToString(wrapped.bytes()),
                null);
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        storing.put(subjectId, written);
        producer.send(new ProducerRecord<>(topic, keyId, json(stored)), (metadata, failure) -> {
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
        DataKey key = new DataKey(keyId, new SecretKeySpec(raw, "AES"));
        if (reads) {
            apply(keyId, stored);
            unwrapped.put(keyId, key);
        }
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
        byId.remove(keyId);
        unwrapped.remove(keyId);
        Set<String> keys = bySubject.get(subjectId);
        if (keys != null) {
            keys.remove(keyId);
        }
    }

    private DataKey unwrap(String keyId, Stored stored) {
        return unwrapped.computeIfAbsent(keyId, id -> DataKey.unwrapped(id, kms,
                new KeyEncryptionKeys.WrappedKey(stored.kek(), Base64.getDecoder().decode(stored.wrapped()))));
    }

    /** An erasure marker, on every in-sync replica before the erasure is said done. */
    private void write(String keyId, Stored stored) {
        await(producer.send(new ProducerRecord<>(topic, keyId, json(stored))), "data key " + keyId);
        apply(keyId, stored);
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

    private static byte[] json(Stored stored) {
        try {
            return JSON.writeValueAsBytes(stored);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void readForever() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read(record);
                }
                Map<TopicPartition, Long> now = new HashMap<>();
                for (TopicPartition partition : consumer.assignment()) {
                    now.put(partition, consumer.position(partition));
                }
                positions = now;
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

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            apply(record.key(), JSON.readValue(record.value(), Stored.class));
        }
        catch (IOException ex) {
            log.error("Skipping an unreadable data key record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset(), ex);
        }
    }

    private void apply(String keyId, Stored stored) {
        byId.put(keyId, stored);
        bySubject.computeIfAbsent(stored.subject(), subject -> ConcurrentHashMap.newKeySet()).add(keyId);
        if (stored.erased()) {
            unwrapped.remove(keyId);
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

    private boolean caughtUpWith(Map<TopicPartition, Long> ends, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            Map<TopicPartition, Long> read = positions;
            if (ends.entrySet().stream().allMatch(end -> read.getOrDefault(end.getKey(), -1L) >= end.getValue())) {
                return true;
            }
        }
        while (pause(deadline, Duration.ofMillis(10)));
        return false;
    }

    private static Map<String, Object> producerConfigs(Map<String, Object> clientConfigs) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        // A key must be on every in-sync replica before anything encrypted with it is
        // acknowledged (awaitStored).
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each key goes with the one signup it is made for, whose answer waits for both:
        // lingering would only add to that wait.
        configs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return configs;
    }

    private static Map<String, Object> consumerConfigs(Map<String, Object> clientConfigs) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        // Assigned, never subscribed: every instance reads every key, and commits
        // nothing.
        configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return configs;
    }

    /** A key record: a live key wrapped by the KMS, or the marker of an erased one. */
    record Stored(String subject, String kek, String wrapped, String erasedAt) {

        boolean erased() {
            return erasedAt != null;
        }

    }

}
