package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-pipeline} as a person runs it, on free ports and a data folder of the
 * test's: started (again, on the same folder, after a crash), interrupted as Ctrl-C
 * would, or killed with everything it started as a machine that loses power would.
 */
final class RunPipeline implements AutoCloseable {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private final Path dataDir;

    private final int offset;

    private Process command;

    private Path output;

    private int starts;

    RunPipeline() throws IOException {
        this.dataDir = Files.createTempDirectory("run-pipeline-");
        this.offset = freePortOffset();
    }

    /** Starts it, with any further options, and waits until it says it is ready. */
    RunPipeline start(String... options) throws IOException {
        output = dataDir.resolveSibling(dataDir.getFileName() + "." + (++starts) + ".out");
        List<String> arguments = new ArrayList<>(
                List.of("bash", "run-pipeline", "--no-build", "--data-dir=" + dataDir, "--port-offset=" + offset));
        arguments.addAll(List.of(options));
        command = new ProcessBuilder(arguments).directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> output().contains("Pipeline ready") || !command.isAlive());
        assertThat(output()).contains("Pipeline ready").contains("http://localhost:" + port("signup") + "/");
        return this;
    }

    int port(String name) {
        return Ports.from(offset, Map.of()).of(name);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port("kafka");
    }

    String registryUrl() {
        return Components.registryUrl(port("registry"));
    }

    Path dataDir() {
        return dataDir;
    }

    /** What the launcher printed since it was last started. */
    String output() {
        return read(output);
    }

    List<ProcessHandle> started() {
        return command.descendants().toList();
    }

    /** SIGINT, as Ctrl-C; true once it has stopped. */
    boolean interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(command.pid())).start().waitFor();
        return command.waitFor(90, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL to the launcher (and the Kafka broker inside it) and every process it
     * started, all at once: nothing gets to flush, commit or leave a group.
     */
    void crash() throws Exception {
        List<ProcessHandle> everything = new ArrayList<>(started());
        everything.add(command.toHandle());
        everything.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : everything) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (command != null && command.isAlive()) {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly();
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
