package org.groupenrollment.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signups submitted over HTTP at a fixed rate (an open loop: the schedule does not wait for
 * answers), each timed from the moment it is sent to the moment the SMTP server holds its email.
 */
final class EndToEnd {

    private EndToEnd() {
    }

    record Run(int rate, int submitted, Latencies latencies) {
    }

    static Run run(Environment env, Topics topics, int signupPort, Progress progress, int rate, Duration duration) throws Exception {
        int total = (int) (rate * duration.toSeconds());
        String prefix = "e2e" + rate + "-";
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        Latencies answered = new Latencies();
        {
            MailWatch watch = new MailWatch(env.smtp);
            progress.say("e2e", "%d signups/s for %d s (%,d signups)", rate, duration.toSeconds(), total);
            long periodMicros = 1_000_000L / rate;
            schedule.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                String email = prefix + i + "@example.org";
                sentAt.put(email, System.currentTimeMillis());
                http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + signupPort + "/api/signups"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Signups.json(i, prefix))).build(), HttpResponse.BodyHandlers.discarding())
                        .thenAccept(response -> {
                            if (response.statusCode() != 202) {
                                failed.incrementAndGet();
                            }
                            else {
                                answered.add((System.currentTimeMillis() - sentAt.get(email)) * 1_000_000);
                            }
                        });
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            Instant deadline = Instant.now().plus(duration).plus(Duration.ofSeconds(120));
            while (watch.count() < total - failed.get() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            schedule.shutdownNow();
            Latencies latencies = new Latencies();
            Map<String, Long> accepted = watch.acceptedAtMillis();
            Map<String, Long> stamped = watch.sentAtMillis();
            Latencies beforeEmail = new Latencies();
            sentAt.forEach((email, sent) -> {
                Long stampedAt = stamped.get(email);
                if (stampedAt != null) {
                    beforeEmail.add((stampedAt - sent) * 1_000_000);
                }
            });
            progress.say("e2e", "of which submit to the notifier composing the email: p50 %.0f ms, p99 %.0f ms",
                    beforeEmail.percentileMillis(50), beforeEmail.percentileMillis(99));
            progress.say("e2e", "of which submit to 202 Accepted: p50 %.0f ms, p99 %.0f ms",
                    answered.percentileMillis(50), answered.percentileMillis(99));
            Map<String, Long> decided = decidedAt(topics, prefix);
            Latencies beforeDecision = new Latencies();
            sentAt.forEach((email, sent) -> {
                Long decidedAt = decided.get(email);
                if (decidedAt != null) {
                    beforeDecision.add((decidedAt - sent) * 1_000_000);
                }
            });
            progress.say("e2e", "of which submit to the processor's decision: p50 %.0f ms, p99 %.0f ms (%d decisions)",
                    beforeDecision.percentileMillis(50), beforeDecision.percentileMillis(99), beforeDecision.count());
            sentAt.forEach((email, sent) -> {
                Long acceptedAt = accepted.get(email);
                if (acceptedAt != null) {
                    latencies.add((acceptedAt - sent) * 1_000_000);
                }
            });
            progress.say("e2e", "%d/s: %,d emails of %,d signups (%d refused), p50 %.1f ms, p99 %.1f ms", rate,
                    latencies.count(), total, failed.get(), latencies.percentileMillis(50), latencies.percentileMillis(99));
            return new Run(rate, total, latencies);
        }
    }

    /** When the processor decided each of this run's signups, by the outcome events' own timestamps. */
    private static Map<String, Long> decidedAt(Topics topics, String prefix) {
        Map<String, Long> decided = new java.util.HashMap<>();
        try (var consumer = topics.avroConsumer("e2e-decisions-" + prefix + System.nanoTime())) {
            consumer.subscribe(List.of("enrollment.seats.reserved", "enrollment.signups.waitlisted", "enrollment.signups.redirected-to-dbt"));
            for (int emptyPolls = 0; emptyPolls < 4; ) {
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
        return List.of(
                Figure.alone("e2e", "emails received" + at, run.latencies().count(), "of " + run.submitted()),
                Figure.alone("e2e", "p50 submit to SMTP" + at, run.latencies().percentileMillis(50), "ms"),
                new Figure("e2e", "p99 submit to SMTP" + at, p99, "ms", "", Double.NaN,
                        p99TargetMillis > 0 ? "< " + (int) p99TargetMillis + " ms" : "", met));
    }
}
