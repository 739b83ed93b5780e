package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How each component's JVM is started, in one place for ./run-pipeline and the
 * benchmarks, so that both measure and run the same thing.
 */
public final class Components {

    private static final String REGISTRY_VERSION = "3.0.9";

    /**
     * For a JVM that parses or writes mail in bulk (the SMTP server): Jakarta Mail 2.1
     * finds its StreamProvider through ServiceLoader for every message part
     * (jakartaee/mail-api#861), which took a third of the server's CPU; naming the
     * implementation makes it a class look-up.
     */
    public static final String MAIL_STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    public static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private Components() {
    }

    /**
     * The registry on loopback; with a data folder its schemas persist in an H2 file,
     * without one in memory.
     */
    public static List<String> registry(Path home, int port, Path dataDir) {
        Path jar = home.resolve("target/apicurio-registry-" + REGISTRY_VERSION)
            .resolve("apicurio-registry-app-" + REGISTRY_VERSION + "-runner.jar");
        if (!Files.exists(jar)) {
            throw new LaunchException(
                    "The schema registry is not built yet (" + jar + "). Run ./run-pipeline without --no-build.");
        }
        List<String> command = new ArrayList<>(
                List.of("-Xmx320m", "-XX:+UseSerialGC", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                        // Same schema with other whitespace keeps its id, as on
                        // Confluent's registry.
                        "-Dapicurio.ccompat.use-canonical-hash=true"));
        if (dataDir != null) {
            // Schemas survive a restart, so ids in Kafka keep pointing at them.
            command.add("-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.resolve("registry/registry"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** The Confluent-compatible API of a registry started with {@link #registry}. */
    public static String registryUrl(int port) {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /**
     * Apicurio's default compatibility is NONE; Confluent's, and the pipeline's, is
     * BACKWARD.
     */
    public static void requireBackwardCompatibility(String registryUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/config"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
            .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new LaunchException("The registry refused the compatibility setting: HTTP " + status);
            }
        }
        catch (IOException ex) {
            throw new LaunchException("Could not configure the schema registry: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while configuring the schema registry", ex);
        }
    }

    /**
     * One of the three services from its runnable jar, wired to the given broker,
     * registry and SMTP server.
     */
    public static List<String> service(Path home, String module, int port, String bootstrapServers, String registryUrl,
            Path dataDir, int smtpPort) {
        Path jar = built(home.resolve(module).resolve("target"), module + "-*-exec.jar");
        // C1 only: five JVMs share a laptop's few cores here, and C2 kept two compiler
        // threads per
        // JVM busy for minutes under load (half the machine at 200 signups/s, measured by
        // bench/run), for code that spends its time waiting on Kafka and SMTP anyway.
        return List.of("-Xmx192m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl, "--enrollment.data-dir=" + dataDir,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort);
    }

    static Path built(Path dir, String glob) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                return file;
            }
        }
        catch (IOException notBuilt) {
            // reported below
        }
        throw new LaunchException(
                "Nothing built in " + dir + " (" + glob + "). Run ./run-pipeline without --no-build.");
    }

}
