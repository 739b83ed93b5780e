package org.groupenrollment.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.groupenrollment.launcher.JavaProcess;
import org.groupenrollment.launcher.KafkaBroker;

/**
 * The real components the benchmarks run against, all on loopback: a KRaft broker in this JVM,
 * the registry and each service in their own JVMs (as ./run-pipeline runs them), and a GreenMail
 * SMTP server in this JVM so the moment each email is accepted can be timed.
 */
final class Environment implements AutoCloseable {

    private static final int BASE_PORT = 41_000;

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

    Environment(Path home, Path dataDir) {
        this.home = home;
        this.dataDir = dataDir;
        this.kafka = KafkaBroker.start(dataDir.resolve("kafka"), BASE_PORT + 92, BASE_PORT + 93);
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path registryHome = home.resolve("target/apicurio-registry-3.0.9");
        this.registry = JavaProcess.start("registry", List.of("-Xmx320m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + (BASE_PORT + 81),
                "-Dapicurio.ccompat.use-canonical-hash=true",
                "-jar", registryHome.resolve("apicurio-registry-app-3.0.9-runner.jar").toString()),
                home, dataDir.resolve("logs/registry.log"));
        processes.add(registry);
        registry.awaitHttpOk(registryUrl() + "/subjects", Duration.ofSeconds(120));
        setBackwardCompatibility();
    }

    String registryUrl() {
        return "http://127.0.0.1:" + (BASE_PORT + 81) + "/apis/ccompat/v7";
    }

    /** Starts a service as ./run-pipeline does, with extra arguments; returns its HTTP port. */
    int startService(String name, String module, String... extra) {
        int port = nextServicePort++;
        List<String> command = new ArrayList<>(List.of("-Xmx192m", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", serviceJar(module).toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registryUrl(),
                "--enrollment.data-dir=" + dataDir.resolve(name),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--logging.level.root=WARN"));
        command.addAll(List.of(extra));
        JavaProcess process = JavaProcess.start(name, command, home, dataDir.resolve("logs/" + name + ".log"));
        processes.add(process);
        services.put(name, process);
        process.awaitHttpOk("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(180));
        return port;
    }

    /** Peak resident memory (VmHWM) of every child process so far, in MiB. */
    Map<String, Long> peakMemoryMiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        peaks.put("registry", Memory.peakMiB(registry.pid()));
        services.forEach((name, process) -> peaks.put(name, stoppedPeaks.getOrDefault(name, Memory.peakMiB(process.pid()))));
        peaks.put("bench JVM (broker, SMTP, load)", Memory.peakMiB(ProcessHandle.current().pid()));
        return peaks;
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

    private Path serviceJar(String module) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(home.resolve(module).resolve("target"), module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot list " + module + "/target", ex);
        }
        throw new IllegalStateException(module + " is not built; run bench/run without --no-build");
    }

    private void setBackwardCompatibility() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registryUrl() + "/config"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}")).build(), HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException("Cannot configure the registry", ex);
        }
    }
}
