package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code ./run-pipeline} as a person would, on free ports and a fresh data folder:
 * waits for it to say it is ready, signs up over HTTP, reads the email back from the SMTP
 * server's API, interrupts it as Ctrl-C would, and checks that nothing it started is left
 * running.
 */
class RunPipelineIntegrationTests {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private Process command;

    @AfterEach
    void killIfLeft() {
        if (command != null && command.isAlive()) {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly();
        }
    }

    @Test
    void runsThePipelineUntilInterruptedAndLeavesNothingBehind() throws Exception {
        int offset = freePortOffset();
        Path dataDir = Files.createTempDirectory("run-pipeline-");
        Path output = dataDir.resolveSibling(dataDir.getFileName() + ".out");
        command = new ProcessBuilder("bash", "run-pipeline", "--no-build", "--data-dir=" + dataDir,
                "--port-offset=" + offset)
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> read(output).contains("Pipeline ready") || !command.isAlive());
        assertThat(read(output)).contains("Pipeline ready").contains("http://localhost:" + (8080 + offset) + "/");
        List<ProcessHandle> started = command.descendants().toList();
        assertThat(started).as("registry, SMTP server and three services").hasSizeGreaterThanOrEqualTo(5);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> accepted = http.send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + "/api/signups"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                    """
                            {"firstName":"Robin","lastName":"Ames","email":"robin.ames@example.org","state":"NY","group":"ocd"}"""))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String inbox = "http://127.0.0.1:" + (8026 + offset) + "/api/user/robin.ames@example.org/messages/INBOX/";
        await().atMost(Duration.ofSeconds(90))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(
                    http.send(HttpRequest.newBuilder(URI.create(inbox)).build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("Your group place is confirmed"));

        new ProcessBuilder("kill", "-INT", Long.toString(command.pid())).start().waitFor();

        assertThat(command.waitFor(90, TimeUnit.SECONDS)).as("stopped after the interrupt").isTrue();
        assertThat(read(output)).contains("Stopped.");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** An offset at which every default port of the pipeline is free on this machine. */
    private static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + ThreadLocalRandom.current().nextInt(0, 2_000) * 10;
            if (Ports.DEFAULTS.values().stream().allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset with every pipeline port free");
    }

}
