package org.groupenrollment.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
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
 * A backlog of outcomes turned into emails by the notification-consumer, next to a bare Jakarta
 * Mail loop sending the same message over one reused connection to the same SMTP server.
 */
final class Email {

    private Email() {
    }

    static List<Figure> run(Environment env, Topics topics, Progress progress, int count) throws Exception {
        topics.create(6, "bench.mail.seats", "bench.mail.waitlisted", "bench.mail.redirected");
        env.startService("bench-notifier", "notification-consumer",
                "--enrollment.topics.seats-reserved=bench.mail.seats",
                "--enrollment.topics.signups-waitlisted=bench.mail.waitlisted",
                "--enrollment.topics.redirected-to-dbt=bench.mail.redirected",
                "--spring.kafka.consumer.group-id=bench-notifier");
        // Warm-up, not reported: a freshly started JVM spends its first seconds compiling, and a
        // running notifier does not; the baseline's mail code is warm from the server's own use.
        int warmUp = Math.max(1_000, count);
        progress.say("email", "warm-up: %,d outcomes", warmUp);
        MailWatch warming = new MailWatch(env.smtp);
        publish(topics, "warm-up", warmUp);
        awaitCount(warming, warmUp, progress);

        MailWatch watch = new MailWatch(env.smtp);
        CpuUse notifierCpu = CpuUse.start(env.runningProcesses());
        publish(topics, "mail", count);
        progress.say("email", "%,d outcomes waiting for the running notification-consumer", count);
        awaitCount(watch, count, progress);
        double viaPipeline = watch.perSecond();
        Map<String, Double> cpuViaPipeline = notifierCpu.millisPer(count);
        progress.say("email", "CPU per email, ms: %s", CpuUse.describe(cpuViaPipeline));
        env.stopService("bench-notifier");
        MimeMessage sample = copy(env.smtp.getReceivedMessages()[0]);
        CpuUse bareCpu = CpuUse.start(env.runningProcesses());
        double bare = bareLoop(env.smtp, env.smtpPort, sample, count, progress);
        Map<String, Double> cpuBare = bareCpu.millisPer(count);
        progress.say("email", "CPU per email, bare loop, ms: %s", CpuUse.describe(cpuBare));
        List<Figure> figures = new ArrayList<>(List.of(new Figure("email", "outcomes emailed/s", viaPipeline, "emails/s",
                "bare Jakarta Mail loop, one connection", bare, ">= 0.8 x baseline", viaPipeline >= 0.8 * bare)));
        figures.addAll(CpuUse.figures("email", "CPU/email via notifier", cpuViaPipeline));
        figures.addAll(CpuUse.figures("email", "CPU/email, bare loop", cpuBare));
        return figures;
    }

    /** Published in one burst, far faster than they are emailed, so they wait as a backlog. */
    private static void publish(Topics topics, String recipientPrefix, int count) {
        try (KafkaProducer<String, SeatReserved> producer = topics.avroProducer()) {
            for (int i = 0; i < count; i++) {
                SeatReserved seat = seat(recipientPrefix, i);
                producer.send(new ProducerRecord<>("bench.mail.seats", seat.getSignupId().toString(), seat));
            }
        }
    }

    private static void awaitCount(MailWatch watch, int count, Progress progress) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (int quarter = 1; quarter <= 4; quarter++) {
            int target = count * quarter / 4;
            if (!watch.awaitAtLeast(target, Duration.between(Instant.now(), deadline))) {
                throw new IllegalStateException("Only " + watch.count() + " of " + count + " emails within 10 minutes");
            }
            if (quarter < 4) {
                progress.say("email", "%,d / %,d emails accepted", target, count);
            }
        }
    }

    private static double bareLoop(GreenMail smtp, int port, MimeMessage sample, int count, Progress progress) throws Exception {
        progress.say("email", "baseline: %,d copies of one email over one Jakarta Mail connection", count);
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, toStream(sample));
        MailWatch watch = new MailWatch(smtp);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, null, null);
            for (int i = 0; i < count; i++) {
                // The same message, each to a recipient of its own, as the pipeline's are: the SMTP
                // server does work for every new mailbox, and both sides must pay it alike.
                transport.sendMessage(message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress("baseline" + i + "@example.org")});
            }
            awaitCount(watch, count, progress);
            return watch.perSecond();
        }
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
                .setGroupId("anxiety").setGroupName("Anxiety")
                .setSchedule(WeeklySchedule.newBuilder().setCohortId("anxiety-tue").setDayOfWeek(MeetingDay.TUESDAY)
                        .setStartTime(LocalTime.of(18, 30)).setDurationMinutes(90).setTimeZone("America/New_York").build())
                .setSeatNumber(1 + i % 12).setSeatsLeft(11 - i % 12)
                .setReservedAt(Instant.now()).setRuleVersion("bench")
                .setRecipient(Recipient.newBuilder().setFirstName("Bench").setEmail(recipientPrefix + i + "@example.org").build())
                .build();
    }
}
