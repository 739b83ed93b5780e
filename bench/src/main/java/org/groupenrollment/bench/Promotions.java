package org.groupenrollment.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.links.PlaceLinks;

/**
 * Seats given up at a steady rate, each through its holder's own link (the page's API),
 * and timed from the request to the moment the SMTP server holds the email of the first
 * in line, "A seat opened for you". Runs beside a measured end-to-end run, so both
 * figures come from the same window. One cancellation per group at a time, in turn, so
 * each group's promotions follow its cancellations in order.
 */
final class Promotions {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    /**
     * Four a second: with nine groups in turn, each group's request has its promotion
     * long done before the next.
     */
    static final int PER_SECOND = 4;

    private final Environment env;

    private final Topics topics;

    private final URL api;

    private final Map<String, Deque<UUID>> holdersByGroup;

    private final Map<String, List<Long>> cancelledAtByGroup = new ConcurrentHashMap<>();

    private final AtomicInteger failed = new AtomicInteger();

    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();

    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    private Instant started;

    private int planned;

    private Promotions(Environment env, Topics topics, int signupPort, Map<String, Deque<UUID>> holdersByGroup) {
        this.env = env;
        this.topics = topics;
        this.api = url("http://127.0.0.1:" + signupPort + "/api/places/");
        this.holdersByGroup = holdersByGroup;
    }

    /** Who holds each group's seats now, from the seats topic. */
    static Promotions prepare(Environment env, Topics topics, int signupPort) {
        Map<String, Deque<UUID>> holders = new HashMap<>();
        readSeats(topics, seat -> {
            if (seat.getHoldExpiresAt() != null) {
                holders.computeIfAbsent(seat.getGroupId(), group -> new ArrayDeque<>()).add(seat.getSignupId());
            }
        });
        return new Promotions(env, topics, signupPort, holders);
    }

    /**
     * Cancels {@code perSecond} seats a second, group by group in turn, for
     * {@code duration}.
     */
    void start(int perSecond, Duration duration) {
        started = Instant.now();
        List<String> groups = List.copyOf(holdersByGroup.keySet());
        planned = (int) Math.min(perSecond * duration.toSeconds(),
                holdersByGroup.values().stream().mapToInt(Deque::size).sum());
        AtomicInteger next = new AtomicInteger();
        PlaceLinks links = env.placeLinks();
        schedule.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= planned) {
                return;
            }
            String group = groups.get(i % groups.size());
            UUID holder = holdersByGroup.get(group).poll();
            if (holder == null) {
                return;
            }
            long sentAt = System.currentTimeMillis();
            cancelledAtByGroup.computeIfAbsent(group, g -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(sentAt);
            workers.execute(() -> {
                try {
                    URL cancel = url(api + links.token(holder, Instant.now(), Duration.ofDays(1)) + "/cancel");
                    if (JsonPost.post(cancel, "") < 300) {
                        return;
                    }
                }
                catch (IOException ex) {
                    // counted below
                }
                failed.incrementAndGet();
            });
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    /**
     * Waits for the promoted people's emails, then pairs each group's cancellations with
     * its promotions, in order.
     */
    Result finish(MailWatch watch, Progress progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, List<SeatReserved>> promoted = new HashMap<>();
        int cancelled = cancelledAtByGroup.values().stream().mapToInt(List::size).sum();
        while (Instant.now().isBefore(deadline)) {
            promoted = promotionsSince(started);
            if (promoted.values().stream().mapToInt(List::size).sum() >= cancelled - failed.get()) {
                break;
            }
            Thread.sleep(500);
        }
        schedule.shutdownNow();
        workers.shutdownNow();
        Map<String, Long> accepted = watch.acceptedAtMillis();
        Latencies latencies = new Latencies();
        for (Map.Entry<String, List<Long>> group : cancelledAtByGroup.entrySet()) {
            List<SeatReserved> inOrder = promoted.getOrDefault(group.getKey(), List.of());
            List<Long> sent = group.getValue();
            for (int i = 0; i < Math.min(sent.size(), inOrder.size()); i++) {
                Long emailedAt = accepted.get(inOrder.get(i).getRecipient().getEmail());
                if (emailedAt != null) {
                    latencies.add((emailedAt - sent.get(i)) * 1_000_000);
                }
            }
        }
        progress.say("e2e",
                "cancellation to the promoted person's email: %d of %d cancellations (%d failed), p50 %.0f ms, p99 %.0f ms",
                latencies.count(), cancelled, failed.get(), latencies.percentileMillis(50),
                latencies.percentileMillis(99));
        return new Result(cancelled, latencies);
    }

    /**
     * {@code cancelled}: cancellations sent; each latency pairs one with its promotion's
     * email.
     */
    record Result(int cancelled, Latencies latencies) {
    }

    /** The signups and the cancellations of one window. */
    record Window(EndToEnd.Run signups, Result cancellations) {
    }

    static List<Figure> figures(Window window) {
        String beside = " (" + PER_SECOND + "/s beside " + window.signups().rate() + " signups/s)";
        Latencies promoted = window.cancellations().latencies();
        Latencies signedUp = window.signups().latencies();
        return List.of(
                Figure.alone("lifecycle", "promotions emailed" + beside, promoted.count(),
                        "of " + window.cancellations().cancelled()),
                Figure.alone("lifecycle", "p50 cancellation to the promoted person's email" + beside,
                        promoted.percentileMillis(50), "ms"),
                Figure.alone("lifecycle", "p99 cancellation to the promoted person's email" + beside,
                        promoted.percentileMillis(99), "ms"),
                Figure.alone("lifecycle", "p50 submit to SMTP, same window", signedUp.percentileMillis(50), "ms"),
                Figure.alone("lifecycle", "p99 submit to SMTP, same window", signedUp.percentileMillis(99), "ms"));
    }

    private Map<String, List<SeatReserved>> promotionsSince(Instant since) {
        Map<String, List<SeatReserved>> byGroup = new HashMap<>();
        readSeats(topics, seat -> {
            if (seat.getFromWaitlist() && !seat.getReservedAt().isBefore(since)) {
                byGroup.computeIfAbsent(seat.getGroupId(), group -> new ArrayList<>()).add(seat);
            }
        });
        byGroup.values().forEach(seats -> seats.sort(java.util.Comparator.comparing(SeatReserved::getReservedAt)));
        return byGroup;
    }

    private static void readSeats(Topics topics, java.util.function.Consumer<SeatReserved> each) {
        try (KafkaConsumer<String, SpecificRecord> consumer = topics
            .decryptingAvroConsumer("bench-seats-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(TOPICS.seatsReserved()));
            for (int emptyPolls = 0; emptyPolls < 3;) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(record -> each.accept((SeatReserved) record.value()));
            }
        }
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        }
        catch (java.net.MalformedURLException ex) {
            throw new IllegalArgumentException(text, ex);
        }
    }

}
