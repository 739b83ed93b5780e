package org.groupenrollment.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.groupenrollment.localregistry.LocalSchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry ({@link LocalSchemaRegistry}) as a child process on a free
 * loopback port, with in-memory storage, for one test JVM.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryProcess.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;

    private final String url;

    private SchemaRegistryProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a registry and waits until it answers, set to BACKWARD compatibility. */
    public static SchemaRegistryProcess start() {
        Path home = installation();
        int port = FreePorts.loopback();
        Path logFile = home.resolve("registry-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(LocalSchemaRegistry.javaArguments(home, port, null, "-Dquarkus.log.level=WARN"));
        try {
            Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
            SchemaRegistryProcess registry = new SchemaRegistryProcess(process,
                    LocalSchemaRegistry.url("127.0.0.1", port));
            registry.awaitReady(logFile);
            LocalSchemaRegistry.requireBackwardCompatibility(registry.url());
            log.info("Schema registry ready at {}", registry.url());
            return registry;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the schema registry from " + home, ex);
        }
    }

    /** The base URL a Confluent client is given as {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(LocalSchemaRegistry.readinessUrl(url)))
            .timeout(Duration.ofSeconds(2))
            .build();
        try {
            Awaitility.await("schema registry at " + url)
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "The schema registry exited with code " + process.exitValue() + "; see " + logFile);
                    }
                    return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        }
        catch (RuntimeException ex) {
            close();
            throw new IllegalStateException("The schema registry did not become ready; see " + logFile, ex);
        }
    }

    private static Path installation() {
        String home = System.getProperty("apicurio.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("No schema registry distribution at '" + home
                    + "' (system property apicurio.home). Build through the parent pom, which extracts it: ./mvnw verify");
        }
        return Path.of(home);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
