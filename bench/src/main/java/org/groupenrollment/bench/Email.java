package org.groupenrollment.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.WeeklySchedule;

/**
 * A backlog of outcomes turned into emails by the notification-consumer, next to a bare
 * Jakarta Mail loop sending the same message over one reused connection to the same SMTP
 * server.
 */
final class Email {

    /**
     * The two take turns, so that a slow stretch of the machine falls on both (see
     * Ingest).
     */
    private static final int ROUNDS = 3;

    private Email() {
    }

    static List<Figure> run(Environment env, Topics topics, Progress progress, int count) throws Exception {
        topics.create(6, "bench.mail.seats", "bench.mail.waitlisted", "bench.mail.redirected");
        env.startService("bench-notifier", "notification-consumer",
                "--enrollment.topics.seats-reserved=bench.mail.seats",
                "--enrollment.topics.signups-waitlisted=bench.mail.waitlisted",
                "--enrollment.topics.redirected-to-dbt=bench.mail.redirected",
                "--spring.kafka.consumer.group-id=bench-notifier");
        MimeMessage sample = warmUp(env, topics, progress, Math.max(1_000, count));

        progress.say("email", "%d rounds of %,d emails, through the notifier and by the bare loop in turn", ROUNDS,
                count);
        List<Window> notifier = new ArrayList<>();
        List<Window> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Window viaNotifier = throughNotifier(env, topics, "mail" + round + "-", count);
            Window byBareLoop = bareLoop(env, sample, "baseline" + round + "-", count);
            notifier.add(viaNotifier);
            bare.add(byBareLoop);
            ratios.add(viaNotifier.perSecond() / byBareLoop.perSecond());
            progress.say("email",
                    "round %d: %,.0f emails/s through the notifier (%.2f ms CPU each), %,.0f by the bare loop (%.2f ms): %.2f",
                    round, viaNotifier.perSecond(), CpuUse.total(viaNotifier.cpuPerEmail()), byBareLoop.perSecond(),
                    CpuUse.total(byBareLoop.cpuPerEmail()), ratios.get(round - 1));
        }
        env.stopService("bench-notifier");
        return figures(progress, Window.pooled(notifier), Window.pooled(bare), ratios);
    }

    /**
     * Both sides, not reported: freshly loaded code spends its first seconds compiling,
     * and neither a running notifier nor a running mail client does. Returns one of the
     * notifier's emails, for the bare loop to resend.
     */
    private static MimeMessage warmUp(Environment env, Topics topics, Progress progress, int emails) throws Exception {
        progress.say("email", "warm-up: %,d outcomes, then as many emails by the bare loop", emails);
        MailWatch warming = new MailWatch(env.smtp);
        publish(topics, "warm-up", emails);
        awaitCount(warming, emails);
        MimeMessage sample = copy(env.smtp.getReceivedMessages()[0]);
        bareLoop(env, sample, "warm-up-baseline", emails);
        return sample;
    }

    private static List<Figure> figures(Progress progress, Window viaPipeline, Window baseline,
            List<Double> roundRatios) {
        progress.say("email", "CPU per email, ms: %s", CpuUse.describe(viaPipeline.cpuPerEmail()));
        progress.say("email", "CPU per email, bare loop, ms: %s", CpuUse.describe(baseline.cpuPerEmail()));
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("email", "outcomes emailed/s", viaPipeline.perSecond(), "emails/s",
                "bare Jakarta Mail loop, one connection", baseline.perSecond(), ">= 0.8 x baseline",
                viaPipeline.perSecond() >= 0.8 * baseline.perSecond()));
        figures.addAll(Figure.roundRatios("email", roundRatios));
        figures.addAll(CpuUse.figures("email", "CPU/email via notifier", viaPipeline.cpuPerEmail()));
        figures.addAll(CpuUse.figures("email", "CPU/email, bare loop", baseline.cpuPerEmail()));
        return figures;
    }

    /**
     * One backlog drained, or one bare loop run: its emails, the seconds from the first
     * stored to the last, CPU per email.
     */
    record Window(int emails, double seconds, Map<String, Double> cpuPerEmail) {

        double perSecond() {
            return emails / seconds;
        }

        static Window pooled(List<Window> windows) {
            return new Window(windows.stream().mapToInt(Window::emails).sum(),
                    windows.stream().mapToDouble(Window::seconds).sum(),
                    CpuUse.pooled(windows.stream().map(Window::cpuPerEmail).toList(),
                            windows.stream().map(window -> (long) window.emails()).toList()));
        }

        private static Window of(MailWatch watch, int emails, Map<String, Double> cpuPerEmail) {
            return new Window(emails, watch.secondsFirstToLast(), cpuPerEmail);
        }
    }

    /**
     * A backlog published at once to the running notifier, timed by the SMTP server from
     * its first email to its last.
     */
    private static Window throughNotifier(Environment env, Topics topics, String recipientPrefix, int count) {
        MailWatch watch = new MailWatch(env.smtp);
        CpuUse cpu = CpuUse.start(env.runningProcesses());
        publish(topics, recipientPrefix, count);
        awaitCount(watch, count);
        return Window.of(watch, count, cpu.millisPer(count));
    }

    /**
     * Published in one burst, far faster than they are emailed, so they wait as a
     * backlog.
     */
    private static void publish(Topics topics, String recipientPrefix, int count) {
        try (KafkaProducer<String, SeatReserved> producer = topics.avroProducer()) {
            List<SeatReserved> seats = IntStream.range(0, count).mapToObj(i -> seat(recipientPrefix, i)).toList();
            topics.prepareKeys(seats.stream().map(seat -> seat.getSignupId().toString()).toList());
            for (int i = 0; i < count; i++) {
                SeatReserved seat = seats.get(i);
                producer.send(Traceparents
                    .traced(new ProducerRecord<>("bench.mail.seats", seat.getSignupId().toString(), seat), i));
            }
        }
    }

    private static void awaitCount(MailWatch watch, int count) {
        if (!watch.awaitAtLeast(count, Duration.ofMinutes(10))) {
            throw new IllegalStateException("Only " + watch.count() + " of " + count + " emails within 10 minutes");
        }
    }

    /**
     * The same message over one connection, each copy to a recipient of its own, as the
     * pipeline's are: the SMTP server does work for every recipient, and both sides must
     * pay it alike.
     */
    private static Window bareLoop(Environment env, MimeMessage sample, String recipientPrefix, int count)
            throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, toStream(sample));
        MailWatch watch = new MailWatch(env.smtp);
        CpuUse cpu = CpuUse.start(env.runningProcesses());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", env.smtpPort, null, null);
            for (int i = 0; i < count; i++) {
                transport.sendMessage(message, new jakarta.mail.Address[] {
                        new jakarta.mail.internet.InternetAddress(recipientPrefix + i + "@example.org") });
            }
            awaitCount(watch, count);
        }
        return Window.of(watch, count, cpu.millisPer(count));
    }

    private static MimeMessage copy(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), toStream(message));
    }

    private static java.io.InputStream toStream(MimeMessage message) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }

    private static SeatReserved seat(String recipientPrefix, int i) {
        return SeatReserved.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setSchedule(WeeklySchedule.newBuilder()
                .setCohortId("anxiety-tue")
                .setDayOfWeek(MeetingDay.TUESDAY)
                .setStartTime(LocalTime.of(18, 30))
                .setDurationMinutes(90)
                .setTimeZone("America/New_York")
                .build())
            .setSeatNumber(1 + i % 12)
            .setSeatsLeft(11 - i % 12)
            .setReservedAt(Instant.now())
            .setRuleVersion("bench")
            .setRecipient(
                    Recipient.newBuilder().setFirstName("Bench").setEmail(recipientPrefix + i + "@example.org").build())
            .build();
    }

}
