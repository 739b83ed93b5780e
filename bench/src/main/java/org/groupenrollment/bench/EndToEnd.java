package org.groupenrollment.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.groupenrollment.events.config.EnrollmentTopics;

/**
 * Signups submitted over HTTP at a fixed rate (an open loop: the schedule does not wait
 * for answers), each timed from the moment it is sent to the moment the SMTP server holds
 * its email.
 */
final class EndToEnd {

    private EndToEnd() {
    }

    /**
     * {@code cpuPerSignup}: milliseconds of CPU per signup from the first submit to the
     * last email, by part.
     */
    record Run(int rate, int submitted, Latencies latencies, Map<String, Double> cpuPerSignup) {
    }

    /**
     * {@code label} makes this run's applicants people of their own: one who signed up in
     * an earlier run would take the returning-person path and get their earlier outcome
     * again.
     */
    static Run run(Environment env, Topics topics, int signupPort, Progress progress, String label, int rate,
            Duration duration) throws Exception {
        return run(env, topics, signupPort, progress, label, rate, duration, () -> {
        });
    }

    /**
     * The same, with {@code alongside} started once the window opens: another load whose
     * emails the run does not count as its own.
     */
    static Run run(Environment env, Topics topics, int signupPort, Progress progress, String label, int rate,
            Duration duration, Runnable alongside) throws Exception {
        int total = (int) (rate * duration.toSeconds());
        String prefix = label + rate + "-";
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        // Open loop: the schedule hands each signup to a worker and never waits for an
        // answer, so a slow service shows as latency (counted from the planned send), not
        // as a lower rate.
        ExecutorService workers = Executors.newFixedThreadPool(32);
        URL signups = URI.create("http://127.0.0.1:" + signupPort + "/api/signups").toURL();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        Latencies answered = new Latencies();
        {
            MailWatch watch = new MailWatch(env.smtp);
            CpuUse cpu = CpuUse.start(env.runningProcesses());
            progress.say("e2e", "%d signups/s for %d s (%,d signups)", rate, duration.toSeconds(), total);
            alongside.run();
            long periodMicros = 1_000_000L / rate;
            schedule.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                String email = prefix + i + "@example.org";
                sentAt.put(email, System.currentTimeMillis());
                workers.execute(() -> {
                    try {
                        if (JsonPost.post(signups, Signups.json(i, prefix)) == 202) {
                            answered.add((System.currentTimeMillis() - sentAt.get(email)) * 1_000_000);
                            return;
                        }
                    }
                    catch (IOException ex) {
                        // counted as refused below
                    }
                    failed.incrementAndGet();
                });
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            Instant deadline = Instant.now().plus(duration).plus(Duration.ofSeconds(120));
            while (watch.count(prefix) < total - failed.get() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            Map<String, Double> cpuPerSignup = cpu.millisPer(total);
            schedule.shutdownNow();
            workers.shutdownNow();
            Latencies latencies = new Latencies();
            Map<String, Long> accepted = watch.acceptedAtMillis();
            progress.say("e2e", "of which submit to 202 Accepted: p50 %.0f ms, p99 %.0f ms",
                    answered.percentileMillis(50), answered.percentileMillis(99));
            Map<String, Long> decided = decidedAt(topics, prefix);
            Latencies beforeDecision = new Latencies();
            Latencies decisionToEmail = new Latencies();
            sentAt.forEach((email, sent) -> {
                Long decidedAt = decided.get(email);
                if (decidedAt != null) {
                    beforeDecision.add((decidedAt - sent) * 1_000_000);
                    Long acceptedAt = accepted.get(email);
                    if (acceptedAt != null) {
                        decisionToEmail.add((acceptedAt - decidedAt) * 1_000_000);
                    }
                }
            });
            progress.say("e2e", "of which submit to the processor's decision: p50 %.0f ms, p99 %.0f ms (%d decisions)",
                    beforeDecision.percentileMillis(50), beforeDecision.percentileMillis(99), beforeDecision.count());
            progress.say("e2e", "of which the decision to the SMTP server's acceptance: p50 %.0f ms, p99 %.0f ms",
                    decisionToEmail.percentileMillis(50), decisionToEmail.percentileMillis(99));
            sentAt.forEach((email, sent) -> {
                Long acceptedAt = accepted.get(email);
                if (acceptedAt != null) {
                    latencies.add((acceptedAt - sent) * 1_000_000);
                }
            });
            progress.say("e2e", "%d/s: %,d emails of %,d signups (%d refused), p50 %.1f ms, p99 %.1f ms", rate,
                    latencies.count(), total, failed.get(), latencies.percentileMillis(50),
                    latencies.percentileMillis(99));
            progress.say("e2e", "CPU per signup, ms: %s", CpuUse.describe(cpuPerSignup));
            return new Run(rate, total, latencies, cpuPerSignup);
        }
    }

    /**
     * When the processor decided each of this run's signups, by the outcome events' own
     * timestamps.
     */
    private static Map<String, Long> decidedAt(Topics topics, String prefix) {
        Map<String, Long> decided = new java.util.HashMap<>();
        try (var consumer = topics.decryptingAvroConsumer("e2e-decisions-" + prefix + System.nanoTime())) {
            consumer.subscribe(EnrollmentTopics.fromSharedConfiguration().outcomes());
            for (int emptyPolls = 0; emptyPolls < 4;) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(record -> {
                    if (record.value() instanceof org.groupenrollment.events.SeatReserved seat) {
                        decided.put(seat.getRecipient().getEmail(), seat.getReservedAt().toEpochMilli());
                    }
                    else if (record.value() instanceof org.groupenrollment.events.SignupWaitlisted waitlisted) {
                        decided.put(waitlisted.getRecipient().getEmail(), waitlisted.getWaitlistedAt().toEpochMilli());
                    }
                    else if (record.value() instanceof org.groupenrollment.events.RedirectedToDbt redirected) {
                        decided.put(redirected.getRecipient().getEmail(), redirected.getRedirectedAt().toEpochMilli());
                    }
                });
            }
        }
        return decided;
    }

    static List<Figure> figures(Run run, double p99TargetMillis) {
        String at = " at " + run.rate() + "/s";
        double p99 = run.latencies().percentileMillis(99);
        Boolean met = p99TargetMillis > 0 ? p99 < p99TargetMillis : null;
        List<Figure> figures = new ArrayList<>(
                List.of(Figure.alone("e2e", "emails received" + at, run.latencies().count(), "of " + run.submitted()),
                        Figure.alone("e2e", "p50 submit to SMTP" + at, run.latencies().percentileMillis(50), "ms"),
                        new Figure("e2e", "p99 submit to SMTP" + at, p99, "ms", "", Double.NaN,
                                p99TargetMillis > 0 ? "< " + (int) p99TargetMillis + " ms" : "", met)));
        figures.addAll(CpuUse.figures("e2e", "CPU/signup" + at, run.cpuPerSignup()));
        return figures;
    }

}
