package org.groupenrollment.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.groupenrollment.events.config.DataKeysEndpoint;
import org.groupenrollment.serde.encryption.DataKey;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.FieldCipher;
import org.groupenrollment.serde.encryption.FieldEncryptionException;
import org.groupenrollment.serde.encryption.KafkaDataKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The data keys' store on a real broker: what one service makes, another finds; an
 * erasure reaches every reader and every later one; and the erased key's wrapped bytes
 * leave the broker's disk once compaction has run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDataKeysIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path keyFolder;

    /** Each store's copy of the key topic, a folder of its own. */
    @TempDir
    Path copies;

    @BeforeAll
    void start() {
        broker = SingleNodeKafka.start();
    }

    @AfterAll
    void stop() {
        broker.destroy();
    }

    @Test
    void aKeyOneServiceMakesIsFoundByAnotherStartedBeforeOrAfter() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys processor = store(kms, topic); KafkaDataKeys signups = store(kms, topic)) {
            String subject = UUID.randomUUID().toString();
            DataKey made = signups.forSubject(subject);
            String encrypted = FieldCipher.encrypt(made, "email", "ada@example.org");

            assertThat(signups.forSubject(subject)).isEqualTo(made);
            assertThat(plaintext(processor, encrypted)).isEqualTo("ada@example.org");
            try (KafkaDataKeys console = store(kms, topic)) {
                assertThat(plaintext(console, encrypted)).isEqualTo("ada@example.org");
            }
        }
    }

    @Test
    void aNewKeyEncryptsAtOnceAndOnceItsStorageIsAwaitedEveryLaterStoreFindsIt() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys signups = store(kms, topic)) {
            String subject = UUID.randomUUID().toString();
            String encrypted = FieldCipher.encrypt(signups.forSubject(subject), "email", "ada@example.org");

            signups.awaitStored(subject);

            try (KafkaDataKeys later = store(kms, topic)) {
                assertThat(later.find(FieldCipher.keyId(encrypted))).isInstanceOf(DataKeys.Lookup.Found.class);
            }
        }
    }

    @Test
    void aStoreThatOnlyMakesKeysReadsAndKeepsNoneYetEveryReaderFindsWhatItMade() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys signups = KafkaDataKeys.makingOnly(kms, topic,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), PATIENCE);
                KafkaDataKeys notifier = store(kms, topic)) {
            String subject = UUID.randomUUID().toString();
            DataKey made = signups.forSubject(subject);
            String encrypted = FieldCipher.encrypt(made, "email", "ada@example.org");

            signups.awaitStored(subject);

            assertThat(plaintext(notifier, encrypted)).isEqualTo("ada@example.org");
            assertThat(signups.forSubject(subject)).as("kept none: a key made afresh").isNotEqualTo(made);
            assertThatThrownBy(() -> signups.find(made.id())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anErasureReachesEveryReaderAndEveryLaterOneAndNothingMoreIsWrittenOfThePerson() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys notifier = store(kms, topic); KafkaDataKeys processor = store(kms, topic)) {
            String erased = UUID.randomUUID().toString();
            String kept = UUID.randomUUID().toString();
            String erasedEmail = FieldCipher.encrypt(notifier.forSubject(erased), "email", "erase@example.org");
            String keptEmail = FieldCipher.encrypt(notifier.forSubject(kept), "email", "keep@example.org");
            assertThat(plaintext(processor, erasedEmail)).isEqualTo("erase@example.org");

            processor.erase(erased);

            await().atMost(Duration.ofSeconds(10))
                .until(() -> notifier.find(FieldCipher.keyId(erasedEmail)) instanceof DataKeys.Lookup.Erased);
            assertThat(processor.find(FieldCipher.keyId(erasedEmail))).isInstanceOf(DataKeys.Lookup.Erased.class);
            assertThat(plaintext(notifier, keptEmail)).isEqualTo("keep@example.org");
            assertThatThrownBy(() -> processor.forSubject(erased)).isInstanceOf(FieldEncryptionException.class);
            try (KafkaDataKeys later = store(kms, topic)) {
                assertThat(later.find(FieldCipher.keyId(erasedEmail))).isInstanceOf(DataKeys.Lookup.Erased.class);
                assertThat(later.isErased(erased)).isTrue();
            }
        }
    }

    @Test
    void aRotationWrapsEveryLiveKeyAgainSoTheOldKeyEncryptionKeyCanBeRetiredAndEveryRecordStillOpens()
            throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys signups = store(kms, topic)) {
            DataKeysEndpoint operator = new DataKeysEndpoint(kms, signups);
            String kept = FieldCipher.encrypt(signups.forSubject(UUID.randomUUID().toString()), "email",
                    "keep@example.org");
            String erased = UUID.randomUUID().toString();
            signups.forSubject(erased);
            signups.erase(erased);
            assertThatThrownBy(() -> operator.retire("kek-0001")).isInstanceOf(IllegalArgumentException.class);

            assertThat(operator.rewrap(true)).containsEntry("current", "kek-0002")
                .containsEntry("rewrapped", 1)
                .containsEntry("inUse", Set.of("kek-0002"));
            operator.retire("kek-0001");

            assertThat(keyFolder.resolve("kek-0001.key")).doesNotExist();
            try (KafkaDataKeys later = store(LocalKeyEncryptionKeys.in(keyFolder), topic)) {
                assertThat(plaintext(later, kept)).isEqualTo("keep@example.org");
            }
            assertThatThrownBy(() -> operator.retire("kek-0002")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStoreReopenedOnItsFolderKeepsWhatItHadReadAndLearnsWhatHappenedWhileItWasClosed() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        Path notifierCopy = copies.resolve("notifier");
        try (KafkaDataKeys processor = store(kms, topic)) {
            String kept = FieldCipher.encrypt(processor.forSubject(UUID.randomUUID().toString()), "email",
                    "keep@example.org");
            String erased = UUID.randomUUID().toString();
            String erasedEmail = FieldCipher.encrypt(processor.forSubject(erased), "email", "erase@example.org");
            try (KafkaDataKeys notifier = store(kms, topic, notifierCopy, 10_000)) {
                assertThat(plaintext(notifier, erasedEmail)).isEqualTo("erase@example.org");
            }

            processor.erase(erased);
            String laterSubject = UUID.randomUUID().toString();
            String later = FieldCipher.encrypt(processor.forSubject(laterSubject), "email", "later@example.org");
            processor.awaitStored(laterSubject);

            try (KafkaDataKeys notifier = store(kms, topic, notifierCopy, 10_000)) {
                assertThat(plaintext(notifier, kept)).isEqualTo("keep@example.org");
                assertThat(notifier.find(FieldCipher.keyId(erasedEmail))).isInstanceOf(DataKeys.Lookup.Erased.class);
                assertThat(plaintext(notifier, later)).isEqualTo("later@example.org");
            }
        }
    }

    @Test
    void aStoreKeepingOneKeyUnwrappedStillOpensEveryonesFieldsInTurn() throws Exception {
        NewTopic topic = keyTopic();
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(keyFolder);
        try (KafkaDataKeys signups = store(kms, topic);
                KafkaDataKeys notifier = store(kms, topic, copies.resolve("small"), 1)) {
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                emails.add(FieldCipher.encrypt(signups.forSubject(UUID.randomUUID().toString()), "email",
                        "person" + i + "@example.org"));
            }

            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < emails.size(); i++) {
                    assertThat(plaintext(notifier, emails.get(i))).isEqualTo("person" + i + "@example.org");
                }
            }
        }
    }

    @Test
    void aKeyIdNoStoreHoldsIsUnknownOnceTheReaderHasCaughtUp() throws Exception {
        try (KafkaDataKeys keys = store(LocalKeyEncryptionKeys.in(keyFolder), keyTopic())) {
            assertThat(keys.find(UUID.randomUUID().toString())).isInstanceOf(DataKeys.Lookup.Unknown.class);
        }
    }

    @Test
    void theErasedKeysWrappedBytesLeaveTheBrokersDiskOnceCompactionRan() throws Exception {
        NewTopic topic = keyTopic();
        try (KafkaDataKeys keys = store(LocalKeyEncryptionKeys.in(keyFolder), topic)) {
            String erased = UUID.randomUUID().toString();
            keys.forSubject(erased);
            String wrappedKey = "\"subject\":\"" + erased + "\",\"kek\":";
            assertThat(segmentsOf(topic.name())).anySatisfy(text -> assertThat(text).contains(wrappedKey));

            keys.erase(erased);
            // Compaction cleans closed segments only: a later record rolls the one
            // holding the key.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                keys.forSubject(UUID.randomUUID().toString());
                return segmentsOf(topic.name()).stream().noneMatch(text -> text.contains(wrappedKey));
            });
            assertThat(segmentsOf(topic.name()))
                .anySatisfy(text -> assertThat(text).contains("\"subject\":\"" + erased + "\",\"erasedAt\":"));
        }
    }

    private KafkaDataKeys store(LocalKeyEncryptionKeys kms, NewTopic topic) {
        return store(kms, topic, copies.resolve(UUID.randomUUID().toString()), 10_000);
    }

    private KafkaDataKeys store(LocalKeyEncryptionKeys kms, NewTopic topic, Path copy, int keptUnwrapped) {
        return new KafkaDataKeys(kms, topic,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), PATIENCE, copy,
                keptUnwrapped);
    }

    private static String plaintext(DataKeys keys, String encrypted) {
        DataKeys.Lookup lookup = keys.find(FieldCipher.keyId(encrypted));
        assertThat(lookup).isInstanceOf(DataKeys.Lookup.Found.class);
        return FieldCipher.decrypt(((DataKeys.Lookup.Found) lookup).key(), "email", encrypted);
    }

    /**
     * The key topic as the services declare it, each test its own, cleaned as soon as the
     * broker's cleaner looks.
     */
    private static NewTopic keyTopic() {
        NewTopic topic = KafkaDataKeys.topic("keys-" + UUID.randomUUID(), (short) 1, Duration.ofMillis(200));
        topic.configs().put(TopicConfig.FILE_DELETE_DELAY_MS_CONFIG, "100");
        return topic;
    }

    /**
     * The text of every log segment of the topic's partition on the broker's disk,
     * including those compaction replaced and has not deleted yet.
     */
    private List<String> segmentsOf(String topic) throws Exception {
        try (Admin admin = Admin
            .create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            String logDir = admin.describeLogDirs(List.of(0)).allDescriptions().get().get(0).keySet().iterator().next();
            try (Stream<Path> files = Files.list(Path.of(logDir, topic + "-0"))) {
                return files.filter(file -> file.getFileName().toString().contains(".log"))
                    .map(KafkaDataKeysIntegrationTests::text)
                    .toList();
            }
        }
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        }
        catch (IOException ex) {
            return "";
        }
    }

}
