package org.groupenrollment.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.launcher.Components;
import org.groupenrollment.launcher.JavaProcess;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroSerializer;

/**
 * Signups accepted per second over HTTP, next to the same endpoint with the Kafka send
 * removed (the framework's floor) and to Kafka's ProducerPerformance for the same record
 * size.
 */
final class Ingest {

    private static final int WORKERS = 16;

    /**
     * The two endpoints take turns, so that whatever else the machine does in one stretch
     * of time (a collection, a compilation, a neighbour) falls on both; one long window
     * each gave ratios from 0.49 to 0.74 on the same code.
     */
    private static final int ROUNDS = 3;

    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(5);

    /** After a switch the other service's threads and caches are cold for a moment. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    /**
     * Not the pipeline's own topic: a processor started later must not find these signups
     * waiting.
     */
    private static final String TOPIC = "bench.ingest.signups";

    private static final String SIGNUPS = "--enrollment.topics.signups-submitted=" + TOPIC;

    private Ingest() {
    }

    static List<Figure> run(Environment env, Topics topics, Progress progress, Duration measured) throws Exception {
        // The processor owns the signups topic; no processor runs here, so the bench
        // creates it as the processor would.
        topics.create(EnrollmentTopics.fromSharedConfiguration().partitions(), TOPIC);
        int withKafka = env.startService("bench-producer", "signup-producer", SIGNUPS, Components.NO_RATE_LIMIT);
        int discarding = env.startService("bench-producer-floor", "signup-producer", SIGNUPS, Components.NO_RATE_LIMIT,
                "--enrollment.benchmark.discard-signups=true");
        Rounds rounds = alternate(env, progress, "http://127.0.0.1:" + withKafka + "/api/signups",
                "http://127.0.0.1:" + discarding + "/api/signups", measured.dividedBy(2));
        env.stopService("bench-producer");
        env.stopService("bench-producer-floor");
        HttpLoad.Result real = HttpLoad.Result.pooled(rounds.real());
        HttpLoad.Result floor = HttpLoad.Result.pooled(rounds.floor());
        progress.say("ingest", "%,.0f signups/s, p50 %.1f ms, p99 %.1f ms, %d failed", real.perSecond(),
                real.latencies().percentileMillis(50), real.latencies().percentileMillis(99), real.failed());
        progress.say("ingest", "CPU per signup, ms: %s", CpuUse.describe(real.cpuPerRequest()));
        progress.say("ingest", "floor (no Kafka send): %,.0f requests/s, p50 %.1f ms, p99 %.1f ms", floor.perSecond(),
                floor.latencies().percentileMillis(50), floor.latencies().percentileMillis(99));
        progress.say("ingest", "CPU per request, ms: %s", CpuUse.describe(floor.cpuPerRequest()));

        int recordSize = serializedSize(env);
        double perf = producerPerformance(env, topics, progress, recordSize);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("ingest", "signups accepted/s over HTTP (acks=all)", real.perSecond(), "requests/s",
                "same endpoint, Kafka send removed", floor.perSecond(), ">= 0.75 x baseline",
                real.perSecond() >= 0.75 * floor.perSecond()));
        figures.addAll(Figure.roundRatios("ingest", rounds.ratios()));
        figures.addAll(List.of(
                Figure.alone("ingest", "p50 latency with Kafka send", real.latencies().percentileMillis(50), "ms"),
                Figure.alone("ingest", "p99 latency with Kafka send", real.latencies().percentileMillis(99), "ms"),
                Figure.alone("ingest", "p50 latency, floor", floor.latencies().percentileMillis(50), "ms"),
                Figure.alone("ingest", "p99 latency, floor", floor.latencies().percentileMillis(99), "ms"),
                new Figure("ingest", "signups accepted/s over HTTP (acks=all)", real.perSecond(), "requests/s",
                        "ProducerPerformance, " + recordSize + " B records, acks=all", perf, "(reference)", null)));
        figures.addAll(CpuUse.figures("ingest", "CPU/request with send", real.cpuPerRequest()));
        figures.addAll(CpuUse.figures("ingest", "CPU/request, floor", floor.cpuPerRequest()));
        return figures;
    }

    /** Each round's window with the send and without it, and their ratio. */
    private record Rounds(List<HttpLoad.Result> real, List<HttpLoad.Result> floor, List<Double> ratios) {
    }

    private static Rounds alternate(Environment env, Progress progress, String realUrl, String floorUrl,
            Duration window) throws Exception {
        progress.say("ingest",
                "%d workers, %d rounds of %d s against each endpoint in turn, with the Kafka send and without it",
                WORKERS, ROUNDS, window.toSeconds());
        Rounds rounds = new Rounds(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= ROUNDS; round++) {
            Duration settle = round == 1 ? FIRST_WARM_UP : SETTLE;
            HttpLoad.Result real = HttpLoad.run(realUrl, WORKERS, settle, window, "ingest", env.runningProcesses());
            HttpLoad.Result floor = HttpLoad.run(floorUrl, WORKERS, settle, window, "floor", env.runningProcesses());
            rounds.real().add(real);
            rounds.floor().add(floor);
            rounds.ratios().add(real.perSecond() / floor.perSecond());
            progress.say("ingest",
                    "round %d: %,.0f signups/s with the send (%.2f ms CPU each), %,.0f without (%.2f ms): %.2f", round,
                    real.perSecond(), CpuUse.total(real.cpuPerRequest()), floor.perSecond(),
                    CpuUse.total(floor.cpuPerRequest()), rounds.ratios().get(round - 1));
        }
        return rounds;
    }

    private static int serializedSize(Environment env) {
        RegistryAvroSerializer<SignupSubmitted> serializer = new RegistryAvroSerializer<>();
        serializer.configure(java.util.Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env.registryUrl()), false);
        return serializer.serialize("bench.size", Signups.number(1, env.personKeys())).length;
    }

    private static double producerPerformance(Environment env, Topics topics, Progress progress, int recordSize)
            throws Exception {
        topics.create(6, "bench.perf");
        progress.say("ingest", "baseline: ProducerPerformance, 300,000 records of %d B, acks=all, idempotent",
                recordSize);
        var log = env.dataDir.resolve("logs/producer-performance.log");
        JavaProcess perf = JavaProcess.start("producer-performance",
                List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
                        "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.perf", "--num-records",
                        "300000", "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                        "--producer-props", "bootstrap.servers=" + env.kafka.bootstrapServers(), "acks=all",
                        "enable.idempotence=true", "linger.ms=1"),
                env.home, log);
        ProcessHandle.of(perf.pid()).ifPresent(handle -> handle.onExit().join());
        Matcher rate = Pattern.compile("300000 records sent, ([0-9.]+) records/sec").matcher(Files.readString(log));
        if (!rate.find()) {
            throw new IllegalStateException("No summary in " + log);
        }
        double perSecond = Double.parseDouble(rate.group(1));
        progress.say("ingest", "ProducerPerformance: %,.0f records/s", perSecond);
        return perSecond;
    }

}
