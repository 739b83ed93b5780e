package org.groupenrollment.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.Outcomes;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison pills are dead-lettered without stopping the partition; an SMTP outage delays
 * email, never loses it. One broker and one pipeline for the class: the tests use
 * distinct people.
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureHandlingIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private final int smtpPort = FreePorts.loopback();

    private EmbeddedKafkaKraftBroker broker;

    private Clients clients;

    private GreenMail smtp;

    private RunningPipeline pipeline;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws Exception {
        broker = SingleNodeKafka.start();
        clients = new Clients(broker.getBrokersAsString(), registry.url());
        smtp = startSmtp();
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtpPort,
                Files.createTempDirectory("failures-"))
            .start();
    }

    @AfterAll
    void stop() {
        pipeline.close();
        smtp.stop();
        broker.destroy();
    }

    @Test
    void undeserializableAndInvalidSignupsAreDeadLetteredAndTheNextSignupIsStillDecided() {
        try (KafkaProducer<String, byte[]> raw = clients.rawProducer();
                KafkaProducer<String, SignupSubmitted> avro = clients.avroProducer()) {
            raw.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "anxiety",
                    "not avro at all".getBytes(StandardCharsets.UTF_8)));
            avro.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "anxiety",
                    Signups.submitted("ghost@example.org", "NY", "astrology")));
            avro.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "anxiety",
                    Signups.submitted("after-the-pills@example.org", "NY", "anxiety")));
        }

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("dead-letter-reader", "read_committed")) {
            consumer.subscribe(List.of(TOPICS.signupsDeadLetter()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
                return deadLetters.size() >= 2;
            });
        }
        assertThat(deadLetters).extracting(record -> header(record, "kafka_exception-fqcn"))
            .containsExactlyInAnyOrder("org.apache.kafka.common.errors.SerializationException",
                    "org.groupenrollment.eligibility.streams.SignupValidation$InvalidSignupException");
        assertThat(deadLetters).extracting(record -> header(record, "kafka_exception-message"))
            .anyMatch(message -> message.contains("unknown magic byte"))
            .anyMatch(message -> message.contains("requestedGroup is not in the catalog"))
            .noneMatch(message -> message.contains("astrology") || message.contains("ghost"));
        assertThat(deadLetters).extracting(ConsumerRecord::value)
            .anyMatch(value -> new String(value, StandardCharsets.UTF_8).equals("not avro at all"));
        await().atMost(Duration.ofSeconds(60)).until(() -> emailsTo("after-the-pills@example.org") == 1);
    }

    @Test
    void anSmtpOutageDelaysTheEmailWithoutLosingIt() {
        smtp.stop();
        try (KafkaProducer<String, SignupSubmitted> avro = clients.avroProducer()) {
            avro.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "ocd",
                    Signups.submitted("patient@example.org", "NJ", "ocd")));
        }
        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("retry-reader", "read_committed")) {
            consumer.subscribe(Pattern.compile(Pattern.quote(TOPICS.seatsReserved()) + "\\.retry-.*"));
            await("the failed send moved to a retry topic").atMost(Duration.ofSeconds(60))
                .until(() -> !consumer.poll(Duration.ofMillis(500)).isEmpty());
        }

        smtp = startSmtp();

        await().atMost(Duration.ofSeconds(90)).until(() -> emailsTo("patient@example.org") == 1);
    }

    @Test
    void aTombstoneOnAnOutcomeTopicGoesStraightToTheDeadLetterTopicWithoutRetries() {
        String key = "tombstone-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = clients.rawProducer()) {
            raw.send(new ProducerRecord<>(TOPICS.seatsReserved(), key, null));
        }

        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("tombstone-reader", "read_committed")) {
            consumer.subscribe(Pattern.compile(Pattern.quote(TOPICS.seatsReserved()) + "\\.(retry-.*|dlt)"));
            List<String> topics = new ArrayList<>();
            // Well before the first retry delay has passed twice: a retried record would
            // still be on a retry topic.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> topics.add(key.equals(record.key()) ? record.topic() : "other"));
                return topics.contains(TOPICS.seatsReserved() + ".dlt");
            });
            assertThat(topics).filteredOn(topic -> !topic.equals("other"))
                .containsExactly(TOPICS.seatsReserved() + ".dlt");
        }
    }

    @Test
    void anAddressTheMailerRefusesIsDeadLetteredAtOnceAndNoHeaderQuotesIt() {
        SeatReserved seat = Outcomes.seatInTuesdayAnxietyGroup("x@exa_mple.org");
        try (KafkaProducer<String, SeatReserved> avro = clients.avroProducer()) {
            avro.send(new ProducerRecord<>(TOPICS.seatsReserved(), seat.getSignupId().toString(), seat));
        }

        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("refused-address-reader", "read_committed")) {
            consumer.subscribe(Pattern.compile(Pattern.quote(TOPICS.seatsReserved()) + "\\.(retry-.*|dlt)"));
            List<ConsumerRecord<String, byte[]>> copies = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (seat.getSignupId().toString().equals(record.key())) {
                        copies.add(record);
                    }
                });
                return copies.stream().anyMatch(record -> record.topic().endsWith(".dlt"));
            });
            assertThat(copies).extracting(ConsumerRecord::topic).containsExactly(TOPICS.seatsReserved() + ".dlt");
            ConsumerRecord<String, byte[]> dead = copies.get(0);
            assertThat(header(dead, "kafka_exception-cause-fqcn")).endsWith("PermanentEmailFailure");
            assertThat(header(dead, "kafka_exception-message")).contains(seat.getSignupId().toString());
            assertThat(dead.headers())
                .allSatisfy(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key())
                    .doesNotContain("exa_mple"));
        }
    }

    private long emailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> recipient(message).equals(email)).count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
