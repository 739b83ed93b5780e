package org.groupenrollment.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.groupenrollment.localregistry.LocalSchemaRegistry;

/**
 * How each component's JVM is started, in one place for ./run-pipeline and the
 * benchmarks, so that both measure and run the same thing.
 */
public final class Components {

    /**
     * For a JVM that parses or writes mail in bulk (the SMTP server): Jakarta Mail 2.1
     * finds its StreamProvider through ServiceLoader for every message part
     * (jakartaee/mail-api#861), which took a third of the server's CPU; naming the
     * implementation makes it a class look-up.
     */
    public static final String MAIL_STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    public static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * For a signup producer that one client fills on purpose (the demo, the bench's load
     * generator): they send every signup from one address, which the per-address
     * submission limit exists to stop.
     */
    public static final String NO_RATE_LIMIT = "--enrollment.web.rate-limit.enabled=false";

    private Components() {
    }

    /**
     * The registry on loopback; with a data folder its schemas persist there, without one
     * in memory.
     */
    public static List<String> registry(Path home, int port, Path dataDir) {
        try {
            return LocalSchemaRegistry.javaArguments(LocalSchemaRegistry.installation(home), port,
                    dataDir == null ? null : dataDir.resolve("registry"));
        }
        catch (IllegalStateException notExtracted) {
            throw new LaunchException(notExtracted.getMessage() + " Or run ./run-pipeline without --no-build.");
        }
    }

    /** The Confluent-compatible API of a registry started with {@link #registry}. */
    public static String registryUrl(int port) {
        return LocalSchemaRegistry.url("127.0.0.1", port);
    }

    /**
     * Apicurio's default compatibility is NONE; Confluent's, and the pipeline's, is
     * BACKWARD.
     */
    public static void requireBackwardCompatibility(String registryUrl) {
        try {
            LocalSchemaRegistry.requireBackwardCompatibility(registryUrl);
        }
        catch (RuntimeException ex) {
            throw new LaunchException(ex.getMessage(), ex);
        }
    }

    /**
     * One of the services from its runnable jar, wired to the given broker, registry and
     * SMTP server, with its management endpoints (health, metrics) on a port of their
     * own.
     */
    public static List<String> service(Path home, String module, int port, int managementPort, String bootstrapServers,
            String registryUrl, Path dataDir, int smtpPort) {
        Path jar = built(home.resolve(module).resolve("target"), module + "-*-exec.jar");
        // C1 only: five JVMs share a laptop's few cores here, and C2 kept two compiler
        // threads per JVM busy for minutes under load (half the machine at 200 signups/s,
        // measured by bench/run), for code that spends its time waiting on Kafka and SMTP
        // anyway.
        return List.of("-Xmx192m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl, "--enrollment.data-dir=" + dataDir,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort);
    }

    /** Where a service started with {@link #service} says whether it is ready. */
    public static String readinessUrl(int managementPort) {
        return "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
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
