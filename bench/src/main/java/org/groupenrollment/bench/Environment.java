package org.groupenrollment.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.contact.PersonKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.launcher.Components;
import org.groupenrollment.launcher.JavaProcess;
import org.groupenrollment.launcher.KafkaBroker;
import org.groupenrollment.launcher.Ports;
import org.groupenrollment.localregistry.LocalSchemaRegistry;

/**
 * The real components the benchmarks run against, all on loopback: a KRaft broker in this
 * JVM, the registry and each service in their own JVMs (as ./run-pipeline runs them), and
 * a GreenMail SMTP server in this JVM so the moment each email is accepted can be timed.
 */
final class Environment implements AutoCloseable {

    /**
     * Below Linux's ephemeral range (32768-60999): a port in it can be taken as the local
     * end of one of the run's own outgoing connections just before a service binds it (it
     * happened: a notifier failed to start on "port already in use" after the load
     * generator's connections).
     */
    private static final int BASE_PORT = 29_000;

    final Path home;

    final Path dataDir;

    final KafkaBroker kafka;

    final GreenMail smtp;

    final int smtpPort = BASE_PORT + 25;

    private final JavaProcess registry;

    private final List<JavaProcess> processes = new ArrayList<>();

    private final Map<String, JavaProcess> services = new LinkedHashMap<>();

    private final Map<String, Long> stoppedPeaks = new LinkedHashMap<>();

    private int nextServicePort = BASE_PORT + 100;

    /**
     * One secret for every service, as in a deployment: the notifier signs the links the
     * signup service checks, and the bench signs them too, as a person's link would be.
     * On the command line, since this secret lives only as long as the run.
     */
    private final String hmacKey = secret();

    /**
     * Arguments every service is started with, such as tracing switched off to compare.
     */
    private final List<String> serviceArguments = new ArrayList<>();

    Environment(Path home, Path dataDir) {
        this.home = home;
        this.dataDir = dataDir;
        this.kafka = KafkaBroker.start(dataDir.resolve("kafka"), BASE_PORT + 92, BASE_PORT + 93);
        System.setProperty(Components.MAIL_STREAM_PROVIDER_PROPERTY, Components.MAIL_STREAM_PROVIDER);
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        this.registry = JavaProcess.start("registry", Components.registry(home, BASE_PORT + 81, null), home,
                dataDir.resolve("logs/registry.log"));
        processes.add(registry);
        registry.awaitHttpOk(LocalSchemaRegistry.readinessUrl(registryUrl()), Duration.ofSeconds(120));
        Components.requireBackwardCompatibility(registryUrl());
    }

    /**
     * Refuses to go on while another run holds the broker's port: the next step empties
     * the data folder, and a broker whose log folder vanishes halts its JVM, leaving that
     * run's services orphaned.
     */
    static void requireNoOtherRun() {
        int port = BASE_PORT + 92;
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port
                    + " is in use: is another bench/run still running? Wait for it to finish or stop it first.");
        }
    }

    void startServicesWith(String argument) {
        serviceArguments.add(argument);
    }

    String registryUrl() {
        return Components.registryUrl(BASE_PORT + 81);
    }

    /**
     * Starts a service as ./run-pipeline does, with extra arguments; returns its HTTP
     * port.
     */
    int startService(String name, String module, String... extra) {
        int port = nextServicePort++;
        int managementPort = nextServicePort++;
        List<String> command = new ArrayList<>(Components.service(home, module, port, managementPort,
                kafka.bootstrapServers(), registryUrl(), dataDir.resolve(name), smtpPort));
        command.add("--logging.level.root=WARN");
        command.add("--enrollment.secrets.hmac-key=" + hmacKey);
        command.addAll(serviceArguments);
        command.addAll(List.of(extra));
        JavaProcess process = JavaProcess.start(name, command, home, dataDir.resolve("logs/" + name + ".log"));
        processes.add(process);
        services.put(name, process);
        process.awaitHttpOk(Components.readinessUrl(managementPort), Duration.ofSeconds(180));
        return port;
    }

    /** Links to people's places, signed with the services' secret. */
    PlaceLinks placeLinks() {
        return new PlaceLinks(hmacKeys());
    }

    /** People's keyed hashes, as the signup service puts them in each signup. */
    PersonKeys personKeys() {
        return new PersonKeys(hmacKeys());
    }

    private HmacKeys hmacKeys() {
        return HmacKeys.from(new EnrollmentSecrets(hmacKey, List.of()), dataDir, true);
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Peak resident memory (VmHWM) of every child process so far, in MiB. */
    Map<String, Long> peakMemoryMiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        peaks.put("registry", Memory.peakMiB(registry.pid()));
        services.forEach(
                (name, process) -> peaks.put(name, stoppedPeaks.getOrDefault(name, Memory.peakMiB(process.pid()))));
        peaks.put("bench JVM (broker, SMTP, load)", Memory.peakMiB(ProcessHandle.current().pid()));
        return peaks;
    }

    /** The registry and the services running now, by name, for {@link CpuUse}. */
    Map<String, Long> runningProcesses() {
        Map<String, Long> running = new LinkedHashMap<>();
        running.put("registry", registry.pid());
        services.forEach((name, process) -> {
            if (ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive).isPresent()) {
                running.put(name, process.pid());
            }
        });
        return running;
    }

    void stopService(String name) {
        JavaProcess process = services.get(name);
        if (process != null) {
            stoppedPeaks.put(name, Memory.peakMiB(process.pid()));
            process.close();
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        smtp.stop();
        kafka.close();
    }

}
