package org.groupenrollment.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.groupenrollment.localregistry.LocalSchemaRegistry;

/**
 * Starts the components in dependency order, waits for each, and stops them in reverse.
 * Kafka runs in this JVM; everything else is a child process with its log in data/logs.
 */
final class Pipeline implements AutoCloseable {

    private static final String[] SERVICES = { "eligibility-processor", "notification-consumer", "signup-producer",
            "staff-console" };

    /** Each service's port, by the name --NAME-port sets it with. */
    private static final Map<String, String> PORTS = Map.of("eligibility-processor", "eligibility",
            "notification-consumer", "notification", "signup-producer", "signup", "staff-console", "console");

    private final LaunchSettings settings;

    private final Console console;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private StaffLogin staffLogin;

    private KafkaBroker kafka;

    Pipeline(LaunchSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
    }

    void start() {
        Ports ports = settings.ports();
        staffLogin = StaffLogin.adminIn(settings.dataDir());
        kafka = step("Kafka broker (KRaft) on port " + ports.of("kafka"), () -> KafkaBroker
            .start(settings.dataDir().resolve("kafka"), ports.of("kafka"), ports.of("kafka-controller")));
        started.push(kafka);

        JavaProcess registry = launch("schema registry",
                Components.registry(settings.home(), ports.of("registry"), settings.dataDir()));
        JavaProcess mail = launch("SMTP server", mailCommand(ports));
        awaitReady("schema registry on port " + ports.of("registry"), registry,
                LocalSchemaRegistry.readinessUrl(registryUrl()));
        step("registry compatibility BACKWARD", () -> Components.requireBackwardCompatibility(registryUrl()));
        awaitReady("SMTP server on port " + ports.of("smtp"), mail,
                "http://127.0.0.1:" + ports.of("mail-api") + "/api/service/readiness");
        started.push(step("web inbox on port " + ports.of("inbox"),
                () -> InboxServer.start(ports.of("inbox"), "http://127.0.0.1:" + ports.of("mail-api"))));

        List<JavaProcess> services = new ArrayList<>();
        for (String service : SERVICES) {
            List<String> command = new ArrayList<>(Components.service(settings.home(), service,
                    ports.of(portName(service)), ports.of(managementPortName(service)), kafka.bootstrapServers(),
                    registryUrl(), settings.dataDir(), ports.of("smtp")));
            command.addAll(extraArguments(service, ports));
            services.add(launch(service, command));
        }
        for (int i = 0; i < SERVICES.length; i++) {
            String service = SERVICES[i];
            awaitReady(service + " on port " + ports.of(portName(service)), services.get(i),
                    Components.readinessUrl(ports.of(managementPortName(service))));
        }
    }

    StaffLogin staffLogin() {
        return staffLogin;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return Components.registryUrl(settings.ports().of("registry"));
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
        JavaProcess process = JavaProcess.start(name, command, settings.home(),
                settings.dataDir().resolve("logs").resolve(name.replace(' ', '-') + ".log"));
        started.push(process);
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

    /**
     * The notifier links its emails to the signup service's page at this machine's port;
     * the demo sends its signups from one address and holds seats for minutes, not days.
     */
    private List<String> extraArguments(String service, Ports ports) {
        return switch (service) {
            case "notification-consumer" ->
                List.of("--enrollment.notifications.place-links.base-url=http://localhost:" + ports.of("signup"));
            case "signup-producer" -> settings.demo() ? List.of(Components.NO_RATE_LIMIT) : List.of();
            case "staff-console" -> staffLogin.consoleArguments();
            default -> settings.demo() ? DemoStory.PROCESSOR_ARGUMENTS : List.of();
        };
    }

    private List<String> mailCommand(Ports ports) {
        Path jar = Components.built(settings.home().resolve("launcher/target/greenmail"), "greenmail-standalone-*.jar");
        return List.of("-Xmx96m", "-XX:+UseSerialGC", "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + ports.of("smtp"), "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + ports.of("mail-api"),
                // Accept mail for any address, as a catch-all test inbox does.
                "-Dgreenmail.auth.disabled",
                // Its own logging names every new recipient's address.
                "-Dlog4j2.configurationFile=" + Pipeline.class.getResource("/smtp-server-log4j2.xml"),
                "-D" + Components.MAIL_STREAM_PROVIDER_PROPERTY + "=" + Components.MAIL_STREAM_PROVIDER, "-jar",
                jar.toString());
    }

    private static String portName(String service) {
        return PORTS.get(service);
    }

    static String managementPortName(String service) {
        return PORTS.get(service) + "-management";
    }

}
