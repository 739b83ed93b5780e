package org.groupenrollment.pipeline;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.events.SignupSubmitted;
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
 * Poison pills are dead-lettered without stopping the partition; an SMTP outage delays
 * email, never loses it.
 */
@ExtendWith(SchemaRegistryExtension.class)
class FailureHandlingIntegrationTests {

    private static final String SIGNUPS = "enrollment.signups.submitted";

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private GreenMail smtp;

    private int smtpPort;

    private RunningPipeline pipeline;

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws Exception {
        this.registry = registry;
        broker = SingleNodeKafka.start();
        smtpPort = freePort();
        smtp = startSmtp();
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtpPort,
                Files.createTempDirectory("failures-"))
            .start();
    }

    @AfterEach
    void stop() {
        pipeline.close();
        smtp.stop();
        broker.destroy();
    }

    @Test
    void undeserializableAndInvalidSignupsAreDeadLetteredAndTheNextSignupIsStillDecided() {
        try (KafkaProducer<String, byte[]> raw = rawProducer();
                KafkaProducer<String, SignupSubmitted> avro = Signups.avroProducer(broker.getBrokersAsString(),
                        registry.url())) {
            raw.send(new ProducerRecord<>(SIGNUPS, "anxiety", "not avro at all".getBytes(StandardCharsets.UTF_8)));
            avro.send(new ProducerRecord<>(SIGNUPS, "anxiety",
                    Signups.submitted("ghost@example.org", "NY", "astrology")));
            avro.send(new ProducerRecord<>(SIGNUPS, "anxiety",
                    Signups.submitted("after-the-pills@example.org", "NY", "anxiety")));
        }

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.subscribe(List.of(SIGNUPS + ".dlt"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
                return deadLetters.size() >= 2;
            });
        }
        assertThat(deadLetters).extracting(record -> header(record, "kafka_dlt-exception-fqcn"))
            .containsExactlyInAnyOrder("org.apache.kafka.common.errors.SerializationException",
                    "org.groupenrollment.eligibility.streams.SignupValidation$InvalidSignupException");
        assertThat(deadLetters).extracting(record -> header(record, "kafka_dlt-exception-message"))
            .anyMatch(message -> message.contains("unknown magic byte"))
            .anyMatch(message -> message.contains("requestedGroup 'astrology' is not in the catalog"));
        assertThat(deadLetters).extracting(ConsumerRecord::value)
            .anyMatch(value -> new String(value, StandardCharsets.UTF_8).equals("not avro at all"));
        await().atMost(Duration.ofSeconds(60)).until(() -> receivedBy("after-the-pills@example.org"));
    }

    @Test
    void anSmtpOutageDelaysTheEmailWithoutLosingIt() throws Exception {
        smtp.stop();
        try (KafkaProducer<String, SignupSubmitted> avro = Signups.avroProducer(broker.getBrokersAsString(),
                registry.url())) {
            avro.send(new ProducerRecord<>(SIGNUPS, "ocd", Signups.submitted("patient@example.org", "NJ", "ocd")));
        }
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.subscribe(java.util.regex.Pattern.compile("enrollment\\.seats\\.reserved\\.retry-.*"));
            await("the failed send moved to a retry topic").atMost(Duration.ofSeconds(60))
                .until(() -> !consumer.poll(Duration.ofMillis(500)).isEmpty());
        }

        smtp = startSmtp();

        await().atMost(Duration.ofSeconds(90)).until(() -> receivedBy("patient@example.org"));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private boolean receivedBy(String email) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).anyMatch(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(email);
            }
            catch (jakarta.mail.MessagingException ex) {
                return false;
            }
        });
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> rawConsumer() {
        return new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
