package org.groupenrollment.localregistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSchemaRegistryTests {

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(LocalSchemaRegistry.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }

    /**
     * docker-compose cannot read a Maven property, so this keeps its pinned image in
     * step.
     */
    @Test
    void dockerComposeRunsTheSameRegistryVersion() throws IOException {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));

        assertThat(compose).contains("image: apicurio/apicurio-registry:" + LocalSchemaRegistry.VERSION + "\n");
    }

    @Test
    void theRegistryRunsOnLoopbackWithCanonicalHashingAndPersistsOnlyWhenGivenAFolder(@TempDir Path installation)
            throws IOException {
        Files.createFile(installation.resolve("apicurio-registry-app-" + LocalSchemaRegistry.VERSION + "-runner.jar"));

        assertThat(LocalSchemaRegistry.javaArguments(installation, 8081, null))
            .contains("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=8081",
                    "-Dapicurio.ccompat.use-canonical-hash=true")
            .noneMatch(argument -> argument.startsWith("-Dapicurio.datasource.url"));
        assertThat(LocalSchemaRegistry.javaArguments(installation, 8081, installation.resolve("data")))
            .contains("-Dapicurio.datasource.url=jdbc:h2:file:" + installation.resolve("data/registry"));
    }

    @Test
    void aMissingInstallationSaysHowToBuildIt(@TempDir Path empty) {
        assertThatThrownBy(() -> LocalSchemaRegistry.javaArguments(empty, 8081, null))
            .hasMessageContaining("not extracted yet")
            .hasMessageContaining("./mvnw");
    }

}
