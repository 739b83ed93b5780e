package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code ./run-pipeline} as a person would, on free ports and a fresh data folder:
 * waits for it to say it is ready, signs up over HTTP and reads the email back from the
 * SMTP server's API; sends what a careless client and an attacker would, and reads every
 * log for it; then interrupts it as Ctrl-C would, and checks that nothing it started is
 * left running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunPipelineIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private final HttpClient http = HttpClient.newHttpClient();

    private RunPipeline pipeline;

    private LoopbackClient client;

    private List<ProcessHandle> started;

    @BeforeAll
    void startThePipeline() throws Exception {
        pipeline = new RunPipeline().start();
        client = new LoopbackClient(pipeline.port("signup"));
        started = pipeline.started();
    }

    @AfterAll
    void killIfLeft() {
        pipeline.close();
    }

    @Test
    @Order(1)
    void aSignupOverHttpEndsAsAnEmailInTheInbox() throws Exception {
        assertThat(started).as("registry, SMTP server and three services").hasSizeGreaterThanOrEqualTo(5);

        assertThat(postSignup("""
                {"firstName":"Robin","lastName":"Ames","email":"robin.ames@example.org","state":"NY","group":"ocd"}"""))
            .isEqualTo(202);

        String email = awaitEmail("robin.ames@example.org", "Please confirm your group place");

        Matcher link = Pattern.compile("http://localhost:" + pipeline.port("signup") + "/places/[A-Za-z0-9_-]+")
            .matcher(email);
        assertThat(link.find()).as("the email links to the person's page on this machine's signup port").isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("We are holding seat 1 for you").contains("Confirm my place");
    }

    /**
     * Distinctive personal data in valid, invalid and poison input, each through the way
     * an attacker or a careless client would send it; once every outcome is in, no log of
     * any process the pipeline started holds any of it.
     */
    @Test
    @Order(2)
    void noLogHoldsThePersonalDataOfValidInvalidOrPoisonInput() throws Exception {
        assertThat(postSignup("""
                {"firstName":"Quillon","lastName":"Vandermeer","email":"quillon.vandermeer@example.org",
                 "phone":"+1 212 555 0187","state":"NY","group":"grief-and-loss"}""")).isEqualTo(202);
        assertThat(postSignup("""
                {"firstName":"Oriel","lastName":"Tamsworth","email":"oriel.tamsworth@example.org","state":"TX",
                 "group":"anxiety"}""")).isEqualTo(202);
        assertThat(postSignup("""
                {"firstName":"Zebulon\\r\\nBcc: zebulon.leak@example.org","lastName":"Ames",
                 "email":"robin.ames@example.org","state":"NY","group":"ocd"}""")).isEqualTo(400);
        assertThat(postSignup("""
                {"firstName":"Ysolde","lastName":"Ames","email":"ysolde@exa_mple.org","state":"NY","group":"ocd"}"""))
            .isEqualTo(400);
        assertThat(postSignup(
                """
                        {"firstName":["Perpetua"],"lastName":"Ames","email":"perpetua@example.org","state":"NY","group":"ocd"}"""))
            .isEqualTo(400);
        String undecodable = "firstName=Wystan%E9&email=wystan%40example.org";
        assertThat(client
            .send("POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" + "Content-Length: "
                    + undecodable.length() + "\r\n\r\n" + undecodable)
            .status()).isEqualTo(400);
        assertThat(client.send("GET /api/signups/{xanthe.leak@example.org} HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
        long deadLettersBefore = deadLetters();
        producePoison("Poison from Ulrika Fenwright, ulrika.fenwright@example.org");

        awaitEmail("quillon.vandermeer@example.org", "Please confirm your group place");
        awaitEmail("oriel.tamsworth@example.org", "DBT");
        await("the poison record dead-lettered").atMost(Duration.ofSeconds(60))
            .until(() -> deadLetters() > deadLettersBefore);

        List<String> distinctive = List.of("quillon", "vandermeer", "555 0187", "oriel", "tamsworth", "zebulon",
                "ysolde", "exa_mple", "perpetua", "wystan", "xanthe", "ulrika", "fenwright");
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> logs = Files.list(pipeline.dataDir().resolve("logs"))) {
            logs.forEach(log -> {
                String text = RunPipeline.read(log).toLowerCase(Locale.ROOT);
                List<String> inLog = distinctive.stream().filter(text::contains).toList();
                if (!inLog.isEmpty()) {
                    found.put(log.getFileName().toString(), inLog);
                }
            });
        }
        List<String> inOutput = distinctive.stream()
            .filter(pipeline.output().toLowerCase(Locale.ROOT)::contains)
            .toList();
        if (!inOutput.isEmpty()) {
            found.put("the launcher's output", inOutput);
        }
        assertThat(found).as("personal data found in the logs").isEmpty();
    }

    @Test
    @Order(3)
    void anInterruptStopsEverythingItStarted() throws Exception {
        assertThat(pipeline.interrupt()).as("stopped after the interrupt").isTrue();
        assertThat(pipeline.output()).contains("Stopped.");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    private int postSignup(String json) throws IOException {
        return client.postSignup(json).status();
    }

    /**
     * The inbox of {@code address}, as the mail API gives it, once it holds {@code text}.
     */
    private String awaitEmail(String address, String text) {
        String inbox = "http://127.0.0.1:" + pipeline.port("mail-api") + "/api/user/" + address + "/messages/INBOX/";
        return await().atMost(Duration.ofSeconds(90))
            .ignoreExceptions()
            .until(() -> http
                .send(HttpRequest.newBuilder(URI.create(inbox)).build(), HttpResponse.BodyHandlers.ofString())
                .body(), body -> body.contains(text));
    }

    private void producePoison(String text) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "anxiety".getBytes(StandardCharsets.UTF_8),
                    text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private long deadLetters() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            String topic = TOPICS.signupsDeadLetter();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int partition = 0; partition < TOPICS.partitions(); partition++) {
                ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(ends)
                .all()
                .get()
                .values()
                .stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
        }
    }

}
