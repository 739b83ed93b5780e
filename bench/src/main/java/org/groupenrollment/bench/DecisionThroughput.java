package org.groupenrollment.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.contact.PersonKeys;
import org.groupenrollment.launcher.JavaProcess;

/**
 * A backlog of signups drained by the eligibility processor (exactly-once), next to
 * Kafka's own exactly-once copier moving the very same records, on the same broker and
 * partition count.
 */
final class DecisionThroughput {

    /** One partition, as Kafka's copier reads one. */
    private static final OwnTopics TOPICS = OwnTopics.prefixed("bench.decide.", 1);

    private static final String SIGNUPS = TOPICS.names().signupsSubmitted();

    private static final String COPY = "bench.decide.copy";

    private DecisionThroughput() {
    }

    static Figure run(Environment env, Topics topics, Progress progress, int count) throws Exception {
        topics.create(1, SIGNUPS, COPY);
        produceBacklog(topics, progress, count, env.personKeys());

        List<String> arguments = new java.util.ArrayList<>(TOPICS.arguments());
        arguments.add("--spring.kafka.streams.application-id=bench-decide");
        env.startService("bench-processor", "eligibility-processor", arguments.toArray(String[]::new));
        double decisionsPerSecond = decisionRate(topics, progress, count);
        progress.say("decide", "eligibility-processor: %,.0f decisions/s", decisionsPerSecond);
        env.stopService("bench-processor");

        double copiedPerSecond = copierRate(env, topics, progress, count);
        progress.say("decide", "TransactionalMessageCopier: %,.0f records/s", copiedPerSecond);
        return new Figure("decide", "decisions/s, exactly-once, 1 partition", decisionsPerSecond, "records/s",
                "TransactionalMessageCopier, 2,000-record transactions", copiedPerSecond, ">= 0.5 x baseline",
                decisionsPerSecond >= 0.5 * copiedPerSecond);
    }

    private static void produceBacklog(Topics topics, Progress progress, int count, PersonKeys keys) {
        try (KafkaProducer<String, SignupSubmitted> producer = topics.avroProducer()) {
            List<SignupSubmitted> signups = IntStream.range(0, count).mapToObj(i -> Signups.number(i, keys)).toList();
            topics.prepareKeys(signups.stream().map(signup -> signup.getSignupId().toString()).toList());
            for (int i = 0; i < count; i++) {
                SignupSubmitted signup = signups.get(i);
                producer
                    .send(Traceparents.traced(new ProducerRecord<>(SIGNUPS, signup.getRequestedGroup(), signup), i));
                if ((i + 1) % 25_000 == 0) {
                    progress.say("decide", "backlog %,d / %,d signups", i + 1, count);
                }
            }
        }
    }

    /** From the first decision to the last, by the decision times the processor wrote. */
    private static double decisionRate(Topics topics, Progress progress, int count) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int seen = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        try (KafkaConsumer<String, SpecificRecord> consumer = topics.avroConsumer("bench-decide-reader")) {
            consumer.subscribe(TOPICS.names().outcomes());
            while (seen < count && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    long decidedAt = decidedAt(record.value());
                    first = Math.min(first, decidedAt);
                    last = Math.max(last, decidedAt);
                    if (++seen % 25_000 == 0) {
                        progress.say("decide", "%,d / %,d decisions", seen, count);
                    }
                }
            }
        }
        if (seen < count) {
            throw new IllegalStateException("Only " + seen + " of " + count + " decisions within 15 minutes");
        }
        return count * 1000.0 / Math.max(1, last - first);
    }

    private static long decidedAt(SpecificRecord outcome) {
        if (outcome instanceof SeatReserved seat) {
            return seat.getReservedAt().toEpochMilli();
        }
        if (outcome instanceof SignupWaitlisted waitlisted) {
            return waitlisted.getWaitlistedAt().toEpochMilli();
        }
        return ((RedirectedToDbt) outcome).getRedirectedAt().toEpochMilli();
    }

    /** From the first copied record to the last, by their create times. */
    private static double copierRate(Environment env, Topics topics, Progress progress, int count) throws Exception {
        progress.say("decide", "baseline: TransactionalMessageCopier over the same %,d records", count);
        JavaProcess copier = JavaProcess.start("copier", List.of("-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.TransactionalMessageCopier",
                "--broker-list", env.kafka.bootstrapServers(), "--input-topic", SIGNUPS, "--input-partition", "0",
                "--output-topic", COPY, "--max-messages", Integer.toString(count), "--transaction-size", "2000",
                "--transactional-id", "bench-copier", "--consumer-group", "bench-copier", "--use-group-metadata"),
                env.home, env.dataDir.resolve("logs/copier.log"));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = topics.rawConsumer("bench-copy-reader")) {
            consumer.subscribe(List.of(COPY));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            while (seen < count && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    first = Math.min(first, record.timestamp());
                    last = Math.max(last, record.timestamp());
                    seen++;
                }
            }
        }
        finally {
            copier.close();
        }
        if (seen < count) {
            throw new IllegalStateException("The copier copied only " + seen + " of " + count);
        }
        return count * 1000.0 / Math.max(1, last - first);
    }

}
