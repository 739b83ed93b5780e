package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Starts the components in dependency order, waits for each, and stops them in reverse.
 * Kafka runs in this JVM; everything else is a child process with its log in data/logs.
 */
final class Pipeline implements AutoCloseable {

    private static final String REGISTRY_VERSION = "3.0.9";
    private static final String[] SERVICES = {"eligibility-processor", "notification-consumer", "signup-producer"};

    private final LaunchSettings settings;
    private final Console console;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Long> childPids = new ArrayList<>();

    Pipeline(LaunchSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
    }

    void start() {
        Ports ports = settings.ports();
        KafkaBroker kafka = step("Kafka broker (KRaft) on port " + ports.of("kafka"),
                () -> KafkaBroker.start(settings.dataDir().resolve("kafka"), ports.of("kafka"), ports.of("kafka-controller")));
        started.push(kafka);

        JavaProcess registry = launch("schema registry", registryCommand(ports));
        JavaProcess mail = launch("SMTP server", mailCommand(ports));
        awaitReady("schema registry on port " + ports.of("registry"), registry, registryUrl() + "/subjects");
        step("registry compatibility BACKWARD", this::requireBackwardCompatibility);
        awaitReady("SMTP server on port " + ports.of("smtp"), mail, "http://127.0.0.1:" + ports.of("mail-api") + "/api/service/readiness");
        started.push(step("web inbox on port " + ports.of("inbox"),
                () -> InboxServer.start(ports.of("inbox"), "http://127.0.0.1:" + ports.of("mail-api"))));

        List<JavaProcess> services = new ArrayList<>();
        for (String service : SERVICES) {
            services.add(launch(service, serviceCommand(service, kafka.bootstrapServers(), ports)));
        }
        for (int i = 0; i < SERVICES.length; i++) {
            String service = SERVICES[i];
            awaitReady(service + " on port " + ports.of(portName(service)), services.get(i),
                    "http://127.0.0.1:" + ports.of(portName(service)) + "/actuator/health/readiness");
        }
    }

    List<Long> childPids() {
        return List.copyOf(childPids);
    }

    String registryUrl() {
        return "http://127.0.0.1:" + settings.ports().of("registry") + "/apis/ccompat/v7";
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            }
            catch (Exception ex) {
                console.info("  (stopping a component failed: " + ex.getMessage() + ")");
            }
        }
    }

    private JavaProcess launch(String name, List<String> command) {
        console.starting(name);
        JavaProcess process = JavaProcess.start(name, command, settings.home(), settings.dataDir().resolve("logs").resolve(name.replace(' ', '-') + ".log"));
        started.push(process);
        childPids.add(process.pid());
        return process;
    }

    private void awaitReady(String what, JavaProcess process, String url) {
        Instant begin = Instant.now();
        process.awaitHttpOk(url, Duration.ofSeconds(180));
        console.ready(what, Duration.between(begin, Instant.now()));
    }

    private <T> T step(String what, java.util.function.Supplier<T> action) {
        console.starting(what);
        Instant begin = Instant.now();
        T result = action.get();
        console.ready(what, Duration.between(begin, Instant.now()));
        return result;
    }

    private void step(String what, Runnable action) {
        step(what, () -> {
            action.run();
            return null;
        });
    }

    private List<String> registryCommand(Ports ports) {
        Path home = settings.home().resolve("target/apicurio-registry-" + REGISTRY_VERSION);
        Path jar = home.resolve("apicurio-registry-app-" + REGISTRY_VERSION + "-runner.jar");
        if (!Files.exists(jar)) {
            throw new LaunchException("The schema registry is not built yet (" + jar + "). Run ./run-pipeline without --no-build.");
        }
        return List.of("-Xmx320m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + ports.of("registry"),
                // Same schema with other whitespace keeps its id, as on Confluent's registry.
                "-Dapicurio.ccompat.use-canonical-hash=true",
                // Schemas survive a restart, so ids in Kafka keep pointing at them.
                "-Dapicurio.datasource.url=jdbc:h2:file:" + settings.dataDir().resolve("registry/registry"),
                "-jar", jar.toString());
    }

    private List<String> mailCommand(Ports ports) {
        Path jar = built(settings.home().resolve("launcher/target/greenmail"), "greenmail-standalone-*.jar");
        return List.of("-Xmx96m", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + ports.of("smtp"),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + ports.of("mail-api"),
                // Accept mail for any address, as a catch-all test inbox does.
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
    }

    private List<String> serviceCommand(String service, String bootstrapServers, Ports ports) {
        Path jar = built(settings.home().resolve(service).resolve("target"), service + "-*-exec.jar");
        return List.of("-Xmx192m", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", jar.toString(),
                "--server.port=" + ports.of(portName(service)),
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl(),
                "--enrollment.data-dir=" + settings.dataDir(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.of("smtp"));
    }

    private void requireBackwardCompatibility() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl() + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new LaunchException("The registry refused the compatibility setting: HTTP " + status);
            }
        }
        catch (IOException | InterruptedException ex) {
            throw new LaunchException("Could not configure the schema registry: " + ex.getMessage(), ex);
        }
    }

    private static String portName(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    private static Path built(Path dir, String glob) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                return file;
            }
        }
        catch (IOException notBuilt) {
            // reported below
        }
        throw new LaunchException("Nothing built in " + dir + " (" + glob + "). Run ./run-pipeline without --no-build.");
    }
}
