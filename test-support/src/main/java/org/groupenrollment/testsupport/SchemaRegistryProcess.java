package org.groupenrollment.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry, run from its Maven Central distribution as a child process on
 * loopback, configured as a Confluent-compatible registry would be: canonical hashing (so
 * whitespace does not mint new ids) and BACKWARD compatibility (Apicurio's default is
 * NONE).
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryProcess.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final String CONFLUENT_API = "/apis/ccompat/v7";

    private final Process process;

    private final int port;

    private SchemaRegistryProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a registry with in-memory storage on a free loopback port and waits until it
     * answers.
     */
    public static SchemaRegistryProcess start() {
        Path home = installation();
        int port = freePort();
        Path logFile = home.resolve("registry-" + port + ".log");
        List<String> command = List.of(javaExecutable(), "-Xmx384m", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dapicurio.ccompat.use-canonical-hash=true", "-Dquarkus.log.level=WARN",
                "-jar", home.resolve("apicurio-registry-app-" + version() + "-runner.jar").toString());
        try {
            Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
            SchemaRegistryProcess registry = new SchemaRegistryProcess(process, port);
            registry.awaitReady(logFile);
            registry.setGlobalCompatibility("BACKWARD");
            log.info("Schema registry ready at {}", registry.url());
            return registry;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the schema registry from " + home, ex);
        }
    }

    /** The base URL a Confluent client is given as {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + CONFLUENT_API;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
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
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
            .timeout(Duration.ofSeconds(2))
            .build();
        try {
            Awaitility.await("schema registry on port " + port)
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

    private void setGlobalCompatibility(String level) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
            .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("Setting registry compatibility to " + level + " answered " + status);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring the schema registry", ex);
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

    private static String version() {
        return System.getProperty("apicurio.version", "3.0.9");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free loopback port", ex);
        }
    }

}
