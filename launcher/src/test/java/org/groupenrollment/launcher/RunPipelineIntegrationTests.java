package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private final HttpClient http = HttpClient.newHttpClient();

    private Process command;

    private Path dataDir;

    private Path output;

    private int offset;

    private List<ProcessHandle> started;

    private int nextClient = 10;

    @BeforeAll
    void startThePipeline() throws Exception {
        offset = freePortOffset();
        dataDir = Files.createTempDirectory("run-pipeline-");
        output = dataDir.resolveSibling(dataDir.getFileName() + ".out");
        command = new ProcessBuilder("bash", "run-pipeline", "--no-build", "--data-dir=" + dataDir,
                "--port-offset=" + offset)
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> read(output).contains("Pipeline ready") || !command.isAlive());
        assertThat(read(output)).contains("Pipeline ready").contains("http://localhost:" + (8080 + offset) + "/");
        started = command.descendants().toList();
    }

    @AfterAll
    void killIfLeft() {
        if (command != null && command.isAlive()) {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void aSignupOverHttpEndsAsAnEmailInTheInbox() throws Exception {
        assertThat(started).as("registry, SMTP server and three services").hasSizeGreaterThanOrEqualTo(5);

        assertThat(postSignup("""
                {"firstName":"Robin","lastName":"Ames","email":"robin.ames@example.org","state":"NY","group":"ocd"}"""))
            .isEqualTo(202);

        awaitEmail("robin.ames@example.org", "Your group place is confirmed");
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
        assertThat(sendRaw("POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + undecodable.length() + "\r\n\r\n" + undecodable))
            .isEqualTo(400);
        assertThat(sendRaw("GET /api/signups/{xanthe.leak@example.org} HTTP/1.1\r\n\r\n")).isEqualTo(400);
        long deadLettersBefore = deadLetters();
        producePoison("Poison from Ulrika Fenwright, ulrika.fenwright@example.org");

        awaitEmail("quillon.vandermeer@example.org", "Your group place is confirmed");
        awaitEmail("oriel.tamsworth@example.org", "DBT");
        await("the poison record dead-lettered").atMost(Duration.ofSeconds(60))
            .until(() -> deadLetters() > deadLettersBefore);

        List<String> distinctive = List.of("quillon", "vandermeer", "555 0187", "oriel", "tamsworth", "zebulon",
                "ysolde", "exa_mple", "perpetua", "wystan", "xanthe", "ulrika", "fenwright");
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> logs = Stream.concat(Files.list(dataDir.resolve("logs")), Stream.of(output))) {
            logs.forEach(log -> {
                String text = read(log).toLowerCase(Locale.ROOT);
                List<String> inLog = distinctive.stream().filter(text::contains).toList();
                if (!inLog.isEmpty()) {
                    found.put(log.getFileName().toString(), inLog);
                }
            });
        }
        assertThat(found).as("personal data found in the logs").isEmpty();
    }

    @Test
    @Order(3)
    void anInterruptStopsEverythingItStarted() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(command.pid())).start().waitFor();

        assertThat(command.waitFor(90, TimeUnit.SECONDS)).as("stopped after the interrupt").isTrue();
        assertThat(read(output)).contains("Stopped.");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    /** The status of a JSON signup, sent from a loopback address of its own. */
    private int postSignup(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return sendRaw("POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
    }

    private void awaitEmail(String address, String text) {
        String inbox = "http://127.0.0.1:" + (8026 + offset) + "/api/user/" + address + "/messages/INBOX/";
        await().atMost(Duration.ofSeconds(90))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(
                    http.send(HttpRequest.newBuilder(URI.create(inbox)).build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains(text));
    }

    /**
     * Bytes exactly as written, which an HTTP client would refuse or repair; each request
     * from another loopback address, as if from another person, since the form's limit on
     * submissions counts per address. Returns the status.
     */
    private int sendRaw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0." + nextClient++, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080 + offset), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("HTTP/1.1\r\n", "HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.split(" ", 3)[1]);
        }
    }

    private void producePoison(String text) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "anxiety".getBytes(StandardCharsets.UTF_8),
                    text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private long deadLetters() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
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

    private String bootstrapServers() {
        return "127.0.0.1:" + Ports.from(offset, Map.of()).of("kafka");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** An offset at which every default port of the pipeline is free on this machine. */
    private static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + ThreadLocalRandom.current().nextInt(0, 2_000) * 10;
            if (Ports.DEFAULTS.values().stream().allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset with every pipeline port free");
    }

}
