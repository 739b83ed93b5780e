package org.groupenrollment.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.Outcomes;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.notification.NotificationConsumerApplication;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notifier killed (SIGKILL) while it drains a backlog: started again on the same H2
 * sent log, or with a second instance already running on a shared PostgreSQL sent log.
 * Either way every outcome is emailed, and the only duplicates are the emails a listener
 * thread had sent but not yet recorded when it died, at most one per thread.
 */
@ExtendWith(SchemaRegistryExtension.class)
class NotifierCrashIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private static final int BACKLOG = 1_500;

    /**
     * Early in the drain, well inside the half second a sent log that writes in the
     * background would lose (it resent 16 and 23 of about 30 emails this way).
     */
    private static final int KILL_AFTER = 30;

    /** spring.kafka.listener.concurrency in notification-consumer.yml. */
    private static final int LISTENER_THREADS = 3;

    /** The outcome listener's id, which spring-kafka makes its consumer group. */
    private static final String NOTIFIER_GROUP = "outcome-notifier";

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private GreenMail smtp;

    private Path dataDir;

    private final List<ServiceProcess> notifiers = new ArrayList<>();

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws Exception {
        this.registry = registry;
        broker = SingleNodeKafka.start();
        TOPICS.outcomes()
            .forEach(topic -> broker.addTopics(new NewTopic(topic, TOPICS.partitions(), TOPICS.replicationFactor())));
        smtp = new GreenMail(new ServerSetup(FreePorts.loopback(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dataDir = Files.createTempDirectory("notifier-crash-");
    }

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess notifier : notifiers) {
            notifier.close();
        }
        smtp.stop();
        broker.destroy();
    }

    @Test
    void aNotifierKilledMidBacklogResendsAtMostOneEmailPerListenerThread() throws Exception {
        produceSeatBacklog();
        ServiceProcess first = startNotifier("first");
        await("the first emails sent").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> smtp.getReceivedMessages().length >= KILL_AFTER);

        first.kill();
        int sentBeforeTheKill = smtp.getReceivedMessages().length;
        startNotifier("second");

        assertEveryoneEmailedWithAtMostOneDuplicatePerThread(sentBeforeTheKill);
    }

    /**
     * Two instances share one PostgreSQL sent log and split the partitions; one is killed
     * mid-backlog, and the survivor takes its partitions over from their last committed
     * offsets, finding in the shared log every email the dead one had recorded.
     */
    @Test
    void twoNotifiersOnASharedPostgresqlSentLogLoseNoEmailWhenOneIsKilled() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String sharedLog = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");
            ServiceProcess first = startNotifier("first", sharedLog, "--spring.datasource.username=postgres",
                    "--spring.kafka.client-id=first");
            startNotifier("second", sharedLog, "--spring.datasource.username=postgres",
                    "--spring.kafka.client-id=second");
            await("both instances hold seat partitions").atMost(Duration.ofSeconds(120))
                // The group does not exist until the first member joins.
                .ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() -> instancesHoldingSeatPartitions().size() == 2);
            produceSeatBacklog();
            await("the first emails sent").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> smtp.getReceivedMessages().length >= BACKLOG / 5);

            first.kill();
            int sentBeforeTheKill = smtp.getReceivedMessages().length;

            assertEveryoneEmailedWithAtMostOneDuplicatePerThread(sentBeforeTheKill);
            try (var rows = postgres.getPostgresDatabase()
                .getConnection()
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM sent_notification")) {
                rows.next();
                assertThat(rows.getInt(1)).as("rows in the shared sent log").isEqualTo(BACKLOG);
            }
        }
    }

    private void assertEveryoneEmailedWithAtMostOneDuplicatePerThread(int sentBeforeTheKill) {
        await("every outcome emailed").atMost(Duration.ofSeconds(120))
            .until(() -> emailsByRecipient().size() == BACKLOG);
        assertThat(sentBeforeTheKill).as("killed before the backlog was drained").isLessThan(BACKLOG);
        long duplicates = emailsByRecipient().values().stream().filter(count -> count > 1).count();
        assertThat(duplicates)
            .as("people emailed twice (%d emails had been sent when it was killed)", sentBeforeTheKill)
            .isLessThanOrEqualTo(LISTENER_THREADS);
    }

    /**
     * The client ids of the instances whose consumers hold a partition of seat outcomes.
     */
    private Set<String> instancesHoldingSeatPartitions() throws Exception {
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            return admin.describeConsumerGroups(List.of(NOTIFIER_GROUP))
                .all()
                .get()
                .get(NOTIFIER_GROUP)
                .members()
                .stream()
                .filter(member -> member.assignment()
                    .topicPartitions()
                    .stream()
                    .anyMatch(partition -> partition.topic().equals(TOPICS.seatsReserved())))
                .map(member -> member.clientId().split("-")[0])
                .collect(Collectors.toSet());
        }
    }

    private void produceSeatBacklog() {
        try (KafkaProducer<String, SeatReserved> producer = new Clients(broker.getBrokersAsString(), registry.url())
            .avroProducer()) {
            for (int i = 0; i < BACKLOG; i++) {
                SeatReserved seat = Outcomes.seatInTuesdayAnxietyGroup("person" + i + "@example.org");
                producer.send(new ProducerRecord<>(TOPICS.seatsReserved(), seat.getSignupId().toString(), seat));
            }
        }
    }

    private ServiceProcess startNotifier(String name, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(), "--enrollment.data-dir=" + dataDir,
                "--server.port=" + FreePorts.loopback(), "--management.server.port=0", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                // The dead member's partitions go to the new one after this, not
                // 45 s.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500"));
        arguments.addAll(List.of(extra));
        ServiceProcess notifier = ServiceProcess.start(NotificationConsumerApplication.class,
                dataDir.resolve(name + ".log"), arguments);
        notifiers.add(notifier);
        return notifier;
    }

    private Map<String, Long> emailsByRecipient() {
        return Arrays.stream(smtp.getReceivedMessages())
            .map(NotifierCrashIntegrationTests::recipient)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
