package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKeyEncryptionKeysTests {

    @TempDir
    Path folder;

    private final byte[] dataKey = InMemoryDataKeys.newKey();

    @Test
    void theFirstUseMakesAKeyOnlyItsOwnerCanReadAndTheNextUseFindsIt() throws IOException {
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(folder);
        KeyEncryptionKeys.WrappedKey wrapped = kms.wrap(dataKey);

        Path file = folder.resolve("kek-0001.key");
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(wrapped.kekId()).isEqualTo("kek-0001");
        assertThat(wrapped.bytes()).isNotEqualTo(dataKey);
        assertThat(LocalKeyEncryptionKeys.in(folder).unwrap(wrapped)).isEqualTo(dataKey);
    }

    @Test
    void servicesStartingTogetherOnOneFolderEndWithOneKeyTheyAllUse() throws Exception {
        List<Callable<LocalKeyEncryptionKeys>> services = Collections.nCopies(8,
                () -> LocalKeyEncryptionKeys.in(folder));
        ExecutorService starting = Executors.newFixedThreadPool(8);
        List<LocalKeyEncryptionKeys> started = new ArrayList<>();
        for (Future<LocalKeyEncryptionKeys> service : starting.invokeAll(services)) {
            started.add(service.get());
        }
        starting.shutdown();

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("kek-0001.key");
        }
        KeyEncryptionKeys.WrappedKey wrapped = started.get(0).wrap(dataKey);
        assertThat(started).allSatisfy(service -> assertThat(service.unwrap(wrapped)).isEqualTo(dataKey));
    }

    @Test
    void aRotationWrapsNewKeysUnderTheNewKeyAndStillUnwrapsTheOldOnesUntilRetired() {
        LocalKeyEncryptionKeys kms = LocalKeyEncryptionKeys.in(folder);
        KeyEncryptionKeys.WrappedKey before = kms.wrap(dataKey);

        assertThat(kms.rotate()).isEqualTo("kek-0002");
        KeyEncryptionKeys.WrappedKey after = kms.wrap(dataKey);

        assertThat(after.kekId()).isEqualTo("kek-0002");
        assertThat(kms.unwrap(before)).isEqualTo(dataKey);
        assertThat(kms.unwrap(after)).isEqualTo(dataKey);

        kms.retire("kek-0001");
        assertThatThrownBy(() -> kms.unwrap(before)).isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("kek-0001")
            .hasMessageContaining("retired");
        assertThatThrownBy(() -> kms.retire("kek-0002")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrappedKeyOfAnotherDeploymentOrAlteredIsRefused() {
        KeyEncryptionKeys.WrappedKey wrapped = LocalKeyEncryptionKeys.in(folder.resolve("ours")).wrap(dataKey);
        LocalKeyEncryptionKeys theirs = LocalKeyEncryptionKeys.in(folder.resolve("theirs"));

        assertThatThrownBy(() -> theirs.unwrap(wrapped)).isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("failed authentication");

        byte[] altered = wrapped.bytes().clone();
        altered[altered.length - 1] ^= 1;
        LocalKeyEncryptionKeys ours = LocalKeyEncryptionKeys.in(folder.resolve("ours"));
        assertThatThrownBy(() -> ours.unwrap(new KeyEncryptionKeys.WrappedKey("kek-0001", altered)))
            .isInstanceOf(FieldEncryptionException.class);
        assertThatThrownBy(() -> ours.unwrap(new KeyEncryptionKeys.WrappedKey("kek-0009", wrapped.bytes())))
            .isInstanceOf(FieldEncryptionException.class)
            .hasMessageContaining("kek-0009");
    }

}
