package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.groupenrollment.events.PersonalDataErased;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.links.PlaceLinks;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data at rest, on real parts with encryption as shipped: after people signed up
 * and were emailed, no topic's records and no file any service keeps hold a name, an
 * address or a phone number in clear; a reader without keys decodes every record and sees
 * ciphertext in the tagged fields; and once a person asks, from the link in their email,
 * to be erased, their records read as erased while everyone else's still decode.
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataAtRestIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    /** Values found nowhere else, so that finding one anywhere means it leaked. */
    private final List<Person> people = List.of(new Person("Ysolde", "Quarrington", "NY", "anxiety"),
            new Person("Thaddeus", "Vellacourt", "TX", "depression"), new Person("Oriel", "Marchbanks", "NJ", "ocd"));

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private Clients clients;

    private Path dataDir;

    private final List<String> signupIds = new ArrayList<>();

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws Exception {
        broker = SingleNodeKafka.start();
        clients = new Clients(broker.getBrokersAsString(), registry.url());
        dataDir = Files.createTempDirectory("at-rest-");
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(), dataDir)
            .start();
        for (Person person : people) {
            HttpResponse<String> accepted = submit(person);
            assertThat(accepted.statusCode()).isEqualTo(202);
            signupIds.add(accepted.body().replaceAll(".*\"signupId\":\"([0-9a-f-]{36})\".*", "$1"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == people.size());
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(Emails::recipient))
            .containsExactlyInAnyOrderElementsOf(people.stream().map(Person::email).toList());
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void noTopicHoldsANameAnAddressOrAPhoneInClear() throws Exception {
        List<String> records = everyRecordRaw();

        assertThat(records).as("records on the broker").hasSizeGreaterThan(people.size() * 3);
        assertThat(records).allSatisfy(record -> assertThat(record).doesNotContain(distinctiveValues()));
        assertThat(String.join("\n", records)).contains("enc1:");
    }

    /**
     * Last, with the services stopped: a stopping service writes what it holds in memory
     * (Kafka Streams flushes its stores to RocksDB's files), so every file is complete.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void noFileAServiceKeepsHoldsANameAnAddressOrAPhoneInClear() throws IOException {
        pipeline.close();
        pipeline = null;
        List<Path> files = filesUnder(dataDir);

        assertThat(files).as("files under the services' data folder").isNotEmpty();
        assertThat(files)
            .allSatisfy(file -> assertThat(text(file)).as(file.toString()).doesNotContain(distinctiveValues()));
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    @Test
    void operatorsSeeTheKeyEncryptionKeysOnTheManagementPortOfEveryServiceThatReadsKeysAndNeverOnAPublicOne()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> service : pipeline.managementUrls().entrySet()) {
            HttpResponse<String> keys = http.send(
                    HttpRequest.newBuilder(URI.create(service.getValue() + "/actuator/datakeys")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (service.getKey().equals("signup-producer")) {
                assertThat(keys.statusCode()).as("the signup service only makes keys").isEqualTo(404);
                continue;
            }
            assertThat(keys.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(keys.body()).contains("\"current\":\"kek-0001\"", "\"inUse\":[\"kek-0001\"]");
        }
        assertThat(http
            .send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/actuator/datakeys")).build(),
                    HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(404);
    }

    @Test
    void aReaderWithoutKeysDecodesEveryEventAndSeesCiphertextInThePersonalFieldsOnly() {
        RegistryAvroDeserializer<GenericRecord> dashboard = new RegistryAvroDeserializer<>();
        dashboard.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, clients.registryUrl()), false);

        List<GenericRecord> seats = read(TOPICS.seatsReserved(), dashboard, 2);

        assertThat(seats).hasSize(2).allSatisfy(seat -> {
            GenericRecord recipient = (GenericRecord) seat.get("recipient");
            assertThat(recipient.get("email").toString()).startsWith("enc1:");
            assertThat(recipient.get("firstName").toString()).startsWith("enc1:");
            assertThat(seat.get("groupId").toString()).isIn("anxiety", "ocd");
        });
    }

    @Test
    void aPersonErasedFromTheLinkInTheirEmailReadsAsErasedWhileEveryoneElseStillDecodes() throws Exception {
        String erased = signupIds.get(0);
        String wrappedKey = "\"subject\":\"" + erased + "\",\"kek\":";
        String marker = "\"subject\":\"" + erased + "\",\"erasedAt\":";

        PersonalDataErased erasure = eraseFromTheLinkInTheEmailTo(people.get(0));

        assertThat(erasure.getErasedSignupIds()).extracting(UUID::toString).containsExactly(erased);
        assertThat(erasure.getRequestedBy()).isEqualTo(Requester.PERSON);
        assertThat(erasure.getKeysDestroyed()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SeatReserved> seats = read(TOPICS.seatsReserved(), this.<SeatReserved>servicesReader(), 2);
            assertThat(seats).filteredOn(seat -> seat.getSignupId().toString().equals(erased))
                .singleElement()
                .satisfies(seat -> assertThat(seat.getRecipient().getEmail()).isEqualTo(DataKeys.ERASED));
            assertThat(seats).filteredOn(seat -> !seat.getSignupId().toString().equals(erased))
                .singleElement()
                .satisfies(seat -> assertThat(seat.getRecipient().getEmail()).isEqualTo(people.get(2).email()));
        });
        // The compaction that follows the marker writes it to the copies' files: found
        // there, while no file holds the key any more.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Path> files = filesUnder(dataDir);
            assertThat(files).as("the services' copies of the key topic")
                .anySatisfy(file -> assertThat(text(file)).contains(marker))
                .noneSatisfy(file -> assertThat(text(file)).contains(wrappedKey));
        });
    }

    @Test
    void someoneOfferedTheDbtGroupIsErasedFromTheLinkInThatEmailToo() throws Exception {
        String erased = signupIds.get(1);

        PersonalDataErased erasure = eraseFromTheLinkInTheEmailTo(people.get(1));

        assertThat(erasure.getErasedSignupIds()).extracting(UUID::toString).containsExactly(erased);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(read(TOPICS.redirectedToDbt(), this.<RedirectedToDbt>servicesReader(), 1))
                .singleElement()
                .satisfies(redirect -> assertThat(redirect.getRecipient().getFirstName()).isEqualTo(DataKeys.ERASED)));
    }

    /**
     * Opens the "delete my data" page from the person's email, presses its button, and
     * returns the processor's record of the erasure once it is done.
     */
    private PersonalDataErased eraseFromTheLinkInTheEmailTo(Person person) throws Exception {
        MimeMessage email = Arrays.stream(smtp.getReceivedMessages())
            .filter(message -> Emails.recipient(message).equals(person.email()))
            .findFirst()
            .orElseThrow();
        BrowserSession browser = new BrowserSession(pipeline.signupUrl());
        String page = PlaceLinks.ERASURE_PATH + Emails.erasureToken(email);
        assertThat(browser.get(page).body()).contains("We cannot undo this");

        HttpResponse<String> pressed = browser.post(page, Map.of());

        assertThat(pressed.statusCode()).isEqualTo(302);
        UUID signupId = UUID.fromString(signupIds.get(people.indexOf(person)));
        List<SpecificRecord> erasures = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = clients.avroConsumer("erasures-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(TOPICS.erasures()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> erasures.add(record.value()));
                return erasures.stream()
                    .anyMatch(erasure -> ((PersonalDataErased) erasure).getSignupId().equals(signupId));
            });
        }
        return erasures.stream()
            .map(PersonalDataErased.class::cast)
            .filter(erasure -> erasure.getSignupId().equals(signupId))
            .findFirst()
            .orElseThrow();
    }

    /** Reads as the services do, with their data keys. */
    private <T> RegistryAvroDeserializer<T> servicesReader() {
        RegistryAvroDeserializer<T> service = new RegistryAvroDeserializer<>();
        service.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, clients.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true, AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME,
                AvroSerdeConfig.DATA_KEYS, pipeline.dataKeys()), false);
        return service;
    }

    private String[] distinctiveValues() {
        return people.stream()
            .flatMap(person -> Stream.of(person.firstName(), person.lastName(), person.lastName().toLowerCase(),
                    person.phone()))
            .toArray(String[]::new);
    }

    /** Every record of every topic, keys, values and headers, as text. */
    private List<String> everyRecordRaw() throws Exception {
        Set<String> topics;
        try (Admin admin = Admin
            .create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            topics = admin.listTopics().names().get();
        }
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("at-rest-" + UUID.randomUUID(),
                "read_uncommitted")) {
            List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(text(record));
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return records;
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(record.topic()).append(' ').append(record.key()).append(' ');
        if (record.value() != null) {
            text.append(new String(record.value(), StandardCharsets.ISO_8859_1));
        }
        for (Header header : record.headers()) {
            text.append(' ')
                .append(header.key())
                .append('=')
                .append(new String(header.value(), StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    private <T> List<T> read(String topic, RegistryAvroDeserializer<T> deserializer, int atLeast) {
        List<T> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = clients.rawConsumer("read-" + UUID.randomUUID(),
                "read_committed")) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300))
                    .forEach(record -> read.add(deserializer.deserialize(topic, record.value())));
                return read.size() >= atLeast;
            });
        }
        return read;
    }

    private HttpResponse<String> submit(Person person) throws IOException, InterruptedException {
        String body = """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"%s","state":"%s","group":"%s"}""".formatted(
                person.firstName(), person.lastName(), person.email(), person.phone(), person.state(), person.group());
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Person(String firstName, String lastName, String state, String group) {

        String email() {
            return lastName.toLowerCase() + "@example.org";
        }

        String phone() {
            return "+1 212 555 " + (1000 + Math.abs(lastName.hashCode() % 9000));
        }

    }

}
