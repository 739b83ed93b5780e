package org.groupenrollment.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.launcher.Components;
import org.groupenrollment.serde.encryption.KafkaDataKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;

/**
 * {@code bench/run}: every benchmark, each figure next to a baseline measured in the same
 * run on the same machine. Prints progress, then a summary table, and writes results.csv,
 * results.json and latency.png under bench/target/benchmarks.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String only = List.of(args)
            .stream()
            .filter(arg -> arg.startsWith("--only="))
            .map(arg -> arg.substring(7))
            .findFirst()
            .orElse("all");
        int backlog = quick ? 20_000 : 100_000;
        Duration ingestTime = Duration.ofSeconds(quick ? 10 : 20);
        int emails = quick ? 1_000 : 5_000;
        Path home = Path.of(".").toAbsolutePath().normalize();
        Path out = home.resolve("bench/target/benchmarks");
        Path data = out.resolve("data");
        Environment.requireNoOtherRun();
        deleteRecursively(data);
        Files.createDirectories(data.resolve("logs"));
        System.setProperty("launcher.log.dir", data.resolve("logs").toString());

        Progress progress = new Progress();
        List<Figure> figures = new ArrayList<>();
        List<EndToEnd.Run> runs = new ArrayList<>();
        Map<String, Long> memory;
        progress.say("setup", "starting Kafka, the registry and an SMTP server (data in %s)", data);
        try (Environment env = new Environment(home, data)) {
            // Ctrl-C: stop the child processes too, not only this JVM.
            Thread stopChildren = new Thread(env::close, "bench-shutdown");
            Runtime.getRuntime().addShutdownHook(stopChildren);
            KafkaDataKeys dataKeys = encryption(args, env, data);
            Topics topics = new Topics(env.kafka.bootstrapServers(), env.registryUrl(), dataKeys);
            List.of(args)
                .stream()
                .filter(arg -> arg.startsWith("--service-arg="))
                .forEach(arg -> env.startServicesWith(arg.substring("--service-arg=".length())));
            if (List.of(args).contains("--no-tracing")) {
                // To measure what tracing costs: the same run without it.
                env.startServicesWith("--management.tracing.enabled=false");
                env.startServicesWith("--spring.kafka.template.observation-enabled=false");
                env.startServicesWith("--spring.kafka.listener.observation-enabled=false");
            }
            if (only.equals("all") || only.equals("e2e")) {
                // End to end first, while the SMTP server holds nothing else.
                progress.say("e2e", "starting the three services on the pipeline's own topics");
                env.startService("eligibility-processor", "eligibility-processor");
                env.startService("notification-consumer", "notification-consumer");
                int signupPort = env.startService("signup-producer", "signup-producer", Components.NO_RATE_LIMIT);
                // Warm-up at the measured rate, not reported: freshly started JVMs spend
                // their first seconds loading and compiling, which a running pipeline has
                // long done.
                EndToEnd.run(env, topics, signupPort, progress, "warm-up", 200, Duration.ofSeconds(quick ? 10 : 45));
                for (int rate : new int[] { 200, 1_000 }) {
                    EndToEnd.Run run = EndToEnd.run(env, topics, signupPort, progress, "e2e", rate,
                            Duration.ofSeconds(quick ? 5 : 20));
                    runs.add(run);
                    figures.addAll(EndToEnd.figures(run, rate == 200 ? 300 : 0));
                }
                figures.addAll(Promotions.figures(promotions(env, topics, signupPort, progress, quick)));
                List.of("signup-producer", "notification-consumer", "eligibility-processor").forEach(env::stopService);
            }
            if (only.equals("all") || only.equals("decide")) {
                figures.add(DecisionThroughput.run(env, topics, progress, backlog));
            }
            if (only.equals("all") || only.equals("ingest")) {
                figures.addAll(Ingest.run(env, topics, progress, ingestTime));
            }
            if (only.equals("all") || only.equals("email")) {
                figures.addAll(Email.run(env, topics, progress, emails));
            }
            if (only.equals("all") || only.equals("console")) {
                figures.addAll(ConsoleBoard.run(progress));
            }

            memory = env.peakMemoryMiB();
            Runtime.getRuntime().removeShutdownHook(stopChildren);
        }
        memory.forEach((process, mib) -> figures.add(Figure.alone("memory", "peak RSS " + process, mib, "MiB")));

        Report.print(figures, progress.out());
        Report.write(figures, out);
        LatencyPlot.write(runs, out.resolve("latency.png"));
        progress.say("done", "results in %s (results.csv, results.json, latency.png)", out);
        // The HTTP clients' worker pools would keep the JVM alive; a finished run is a
        // finished command.
        System.exit(0);
    }

    /**
     * A window of its own, after the others: signups at 200/s as before, and beside them
     * seats cancelled at a steady rate through their holders' links.
     */
    /**
     * Personal data encrypted, with {@code --encryption}, as a deployment that asks for
     * it runs: every service (each with a data folder of its own here) and the bench's
     * own producer share one folder of key-encryption keys and the key topic. Off as
     * shipped.
     */
    private static KafkaDataKeys encryption(String[] args, Environment env, Path data) {
        if (!List.of(args).contains("--encryption")) {
            return null;
        }
        Path keyFolder = data.resolve("secrets/kek");
        env.startServicesWith("--enrollment.encryption.enabled=true");
        env.startServicesWith("--enrollment.encryption.kek-folder=" + keyFolder);
        return new KafkaDataKeys(LocalKeyEncryptionKeys.in(keyFolder),
                KafkaDataKeys.topic(EnrollmentTopics.fromSharedConfiguration().dataKeys(), (short) 1,
                        Duration.ofHours(1)),
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, env.kafka.bootstrapServers()),
                Duration.ofSeconds(10), data.resolve("bench/data-keys"), 10_000);
    }

    private static Promotions.Window promotions(Environment env, Topics topics, int signupPort, Progress progress,
            boolean quick) throws Exception {
        Duration window = Duration.ofSeconds(quick ? 5 : 20);
        Promotions promotions = Promotions.prepare(env, topics, signupPort);
        EndToEnd.Run signups = EndToEnd.run(env, topics, signupPort, progress, "lifecycle", 200, window,
                () -> promotions.start(Promotions.PER_SECOND, window));
        return new Promotions.Window(signups, promotions.finish(MailWatch.continuing(env.smtp), progress));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

}
