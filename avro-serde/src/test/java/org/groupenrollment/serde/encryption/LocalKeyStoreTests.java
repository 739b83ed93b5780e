package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKeyStoreTests {

    private static final String TOPIC_ID = "topic-one";

    @TempDir
    Path folder;

    @TempDir
    Path kekFolder;

    @Test
    void aKeyWrittenIsFoundByItsIdAndUnderItsSubjectOnly() {
        StoredKey ada = live("ada");
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            store.write(Map.of("key-1", ada, "key-2", live("grace")), Map.of());

            assertThat(store.get("key-1")).isEqualTo(ada);
            assertThat(store.get("key-3")).isNull();
            assertThat(store.keysOf("ada")).containsExactly("key-1");
            assertThat(store.keysOf("ad")).isEmpty();
        }
    }

    @Test
    void aReopenedCopyKnowsItsKeysAndHowFarEachPartitionWasRead() {
        StoredKey ada = live("ada");
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            store.write(Map.of("key-1", ada), Map.of(0, 41L, 1, 7L));
            store.write(Map.of(), Map.of(0, 42L));
        }

        try (LocalKeyStore reopened = LocalKeyStore.open(folder, TOPIC_ID)) {
            assertThat(reopened.get("key-1")).isEqualTo(ada);
            assertThat(reopened.positions()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 42L, 1, 7L));
        }
    }

    @Test
    void aCopyOfAnotherTopicOfTheSameNameIsThrownAwayAndReadAfresh() {
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            store.write(Map.of("key-1", live("ada")), Map.of(0, 41L));
        }

        try (LocalKeyStore declaredAgain = LocalKeyStore.open(folder, "topic-two")) {
            assertThat(declaredAgain.get("key-1")).isNull();
            assertThat(declaredAgain.positions()).isEmpty();
        }
    }

    @Test
    void anErasedKeysWrappedBytesLeaveEveryFileOfTheFolderAsSoonAsItsMarkerIsWritten() throws IOException {
        String subject = UUID.randomUUID().toString();
        Map<String, StoredKey> many = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put(UUID.randomUUID().toString(), live(UUID.randomUUID().toString()));
        }
        many.put("key-1", live(subject));
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            store.write(many, Map.of());
        }
        String wrappedKey = "\"subject\":\"" + subject + "\",\"kek\":";
        // Closing flushed what was in memory into a table file.
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            assertThat(filesOf(folder)).anySatisfy(text -> assertThat(text).contains(wrappedKey));

            store.write(Map.of("key-1", StoredKey.erasedMarker(subject)), Map.of(0, 1001L));

            assertThat(filesOf(folder)).noneSatisfy(text -> assertThat(text).contains(wrappedKey));
            assertThat(store.get("key-1").erased()).isTrue();
            assertThat(store.keysOf(subject)).containsExactly("key-1");
            assertThat(many.keySet()).allSatisfy(keyId -> assertThat(store.get(keyId)).isNotNull());
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsToldToUseOneOfItsOwn() {
        try (LocalKeyStore first = LocalKeyStore.open(folder, TOPIC_ID)) {
            assertThatThrownBy(() -> LocalKeyStore.open(folder, TOPIC_ID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("each instance of a service needs a folder of its own")
                .hasMessageContaining("enrollment.encryption.key-store-folder");
        }
    }

    @Test
    void everyRecordIsVisitedLiveOrErased() {
        try (LocalKeyStore store = LocalKeyStore.open(folder, TOPIC_ID)) {
            store.write(Map.of("key-1", live("ada"), "key-2", StoredKey.erasedMarker("grace")), Map.of());
            Map<String, Boolean> erased = new HashMap<>();

            store.forEach((keyId, stored) -> erased.put(keyId, stored.erased()));

            assertThat(erased).containsExactlyInAnyOrderEntriesOf(Map.of("key-1", false, "key-2", true));
        }
    }

    private StoredKey live(String subject) {
        return StoredKey.live(subject, LocalKeyEncryptionKeys.in(kekFolder).wrap(InMemoryDataKeys.newKey()));
    }

    private static List<String> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(LocalKeyStoreTests::text).toList();
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
