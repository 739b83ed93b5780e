package org.groupenrollment.localregistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Apicurio Registry from its Maven Central distribution, run as its own JVM on loopback
 * and configured as a Confluent registry behaves: canonical hashing, so the same schema
 * with other whitespace keeps its id, and BACKWARD compatibility (Apicurio's default is
 * NONE). The one definition ./run-pipeline, the benchmarks and the integration tests all
 * start.
 */
public final class LocalSchemaRegistry {

    /** The registry's version, from the parent pom's {@code apicurio.version}. */
    public static final String VERSION = version();

    /** The Confluent-compatible REST API, which every standard dashboard speaks. */
    private static final String CONFLUENT_API = "/apis/ccompat/v7";

    private LocalSchemaRegistry() {
    }

    /** Where the build extracts the registry, under the project's top folder. */
    public static Path installation(Path projectHome) {
        return projectHome.resolve("target/apicurio-registry-" + VERSION);
    }

    /**
     * The java command's arguments (without {@code java}) for a registry on {@code port}.
     * With a storage folder its schemas persist in an H2 file there, so ids in Kafka keep
     * pointing at them across restarts; with {@code null} they live in memory.
     */
    public static List<String> javaArguments(Path installation, int port, Path storage, String... jvmOptions) {
        Path jar = installation.resolve("apicurio-registry-app-" + VERSION + "-runner.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "The schema registry is not extracted yet (" + jar + "). Build first: ./mvnw -DskipTests package");
        }
        List<String> arguments = new ArrayList<>(
                List.of("-Xmx320m", "-XX:+UseSerialGC", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                        "-Dapicurio.ccompat.use-canonical-hash=true"));
        if (storage != null) {
            arguments.add("-Dapicurio.datasource.url=jdbc:h2:file:" + storage.resolve("registry"));
        }
        arguments.addAll(List.of(jvmOptions));
        arguments.addAll(List.of("-jar", jar.toString()));
        return arguments;
    }

    /** The base URL a Confluent client is given as {@code schema.registry.url}. */
    public static String url(String host, int port) {
        return "http://" + host + ":" + port + CONFLUENT_API;
    }

    /** A URL that answers 200 once the registry serves requests. */
    public static String readinessUrl(String registryUrl) {
        return registryUrl + "/subjects";
    }

    /**
     * Sets the global compatibility level to BACKWARD, as Confluent's registry has it.
     */
    public static void requireBackwardCompatibility(String registryUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/config"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
            .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("The registry at " + registryUrl
                        + " refused the compatibility setting BACKWARD: HTTP " + status);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not configure the schema registry at " + registryUrl, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring the schema registry", ex);
        }
    }

    private static String version() {
        try (InputStream in = LocalSchemaRegistry.class.getResourceAsStream("registry.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException | NullPointerException ex) {
            throw new IllegalStateException("registry.properties is missing from the local-registry jar", ex);
        }
    }

}
