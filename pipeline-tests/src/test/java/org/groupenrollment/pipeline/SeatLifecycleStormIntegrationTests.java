package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.CohortAvailability;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.config.CatalogFiles;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.notification.NotificationConsumerApplication;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seat lifecycle in a storm, on real parts: two groups of 10 and 12 seats, 120 people
 * each signing up at once and then acting on their emails through the links in them, at
 * random and with random delays: confirming, cancelling (half of those who confirmed
 * change their mind, so seats keep turning over to the line), leaving the line, or
 * letting the hold (4 s here) run out. Two processor instances share the groups; one is
 * killed (SIGKILL) a third of the way in and started again. Then everyone confirms what
 * they are offered until the groups settle, and every rule is checked, email by email and
 * against every availability record the processor published.
 */
@ExtendWith(SchemaRegistryExtension.class)
class SeatLifecycleStormIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(SeatLifecycleStormIntegrationTests.class);

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    /** The processors' consumer group: their application id. */
    private static final String PROCESSORS = "eligibility-processor";

    private static final Map<String, Integer> CAPACITY = Map.of("ocd", 10, "trauma-and-ptsd", 12);

    private static final int PEOPLE_PER_GROUP = 120;

    /**
     * How long people act at random, from the first signup; the kill comes a third in.
     */
    private static final Duration STORM = Duration.ofSeconds(40);

    private static final String HELD = "Please confirm your group place";

    private static final String OPENED = "A seat opened for you";

    private static final String WAITLISTED = "You are on the waitlist for your group";

    private static final String CONFIRMED = "Your group place is confirmed";

    private static final String CANCELLED = "Your group place is cancelled";

    private static final String EXPIRED = "Your held seat was released";

    private static final String LEFT = "You have left the waitlist";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final HttpClient http = HttpClient.newHttpClient();

    private final Random random = new Random(7);

    private final ScheduledExecutorService people = Executors.newScheduledThreadPool(4);

    private final List<AutoCloseable> started = new ArrayList<>();

    /** Each person's group, by address. */
    private final Map<String, String> groupOf = new ConcurrentHashMap<>();

    /** What each person asked for from their page and what the service answered. */
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    private final Set<String> actedOn = new HashSet<>();

    /** The processors' ports, for their readiness probes. */
    private final List<Integer> readiness = new ArrayList<>();

    private volatile boolean settling;

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private Path dataDir;

    private String catalog;

    private String signupUrl;

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws IOException {
        this.registry = registry;
        this.broker = SingleNodeKafka.start();
        this.dataDir = Files.createTempDirectory("storm-");
        this.catalog = CatalogFiles.oneSmallCohortEach(dataDir, CAPACITY);
    }

    @AfterEach
    void stop() throws Exception {
        people.shutdownNow();
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        broker.destroy();
    }

    @Test
    void everyRuleHoldsEmailByEmailThroughAStormOfRequestsAndExpiriesAcrossAKilledProcessor() throws Exception {
        ServiceProcess killed = startProcessor("instance-a");
        startProcessor("instance-b");
        // As a deployment: the processors create their topics, with their partitions,
        // before
        // anything writes to them.
        readiness.forEach(this::awaitReady);
        started.add(start(NotificationConsumerApplication.application())::close);
        ConfigurableApplicationContext producer = start(SignupProducerApplication.application(),
                "--enrollment.places.answer-within=1s");
        started.add(producer::close);
        signupUrl = "http://127.0.0.1:" + producer.getEnvironment().getRequiredProperty("local.server.port");

        List<String> everyone = everyone();
        Instant begin = Instant.now();
        Instant kill = begin.plus(STORM.dividedBy(3));
        Iterator<String> toSignUp = everyone.iterator();
        while (Instant.now().isBefore(begin.plus(STORM))) {
            if (toSignUp.hasNext()) {
                assertThat(post("/api/signups", signup(toSignUp.next())).statusCode()).isEqualTo(202);
            }
            if (killed != null && Instant.now().isAfter(kill)) {
                log.info("Storm: killing a processor with SIGKILL after {} emails", smtp.getReceivedMessages().length);
                killed.kill();
                startProcessor("instance-a");
                killed = null;
            }
            actOnNewEmails(Duration.ofMillis(toSignUp.hasNext() ? 20 : 200));
        }
        assertThat(toSignUp.hasNext()).as("everyone signed up during the storm").isFalse();
        assertThat(killed).as("a processor was killed during the storm").isNull();
        // From now on everyone confirms what they are offered, so the groups settle.
        settling = true;
        try (KafkaConsumer<String, SpecificRecord> availability = clients()
            .avroConsumer("storm-availability-" + UUID.randomUUID())) {
            availability.subscribe(List.of(TOPICS.groupAvailability()));
            Map<String, List<GroupAvailability>> published = new HashMap<>();
            await("the groups settle").atMost(Duration.ofMinutes(3)).until(() -> {
                actOnNewEmails(Duration.ofMillis(200));
                availability.poll(Duration.ofMillis(100))
                    .forEach(record -> published.computeIfAbsent(record.key(), group -> new ArrayList<>())
                        .add((GroupAvailability) record.value()));
                return settled(published, everyone) && everyRequestAnswered() && processorsCaughtUp();
            });
            await("no email still on its way").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .until(() -> !actOnNewEmails(Duration.ofMillis(200)));
            availability.poll(Duration.ofMillis(500))
                .forEach(record -> published.get(record.key()).add((GroupAvailability) record.value()));

            Map<String, List<String>> emails = emailsByPerson();
            assertTheStormExercisedEveryTransition(emails);
            log.info("Storm: {} signups, {} emails {}, {} requests answered {}, {} availability records",
                    everyone.size(), smtp.getReceivedMessages().length, tally(emails), answers.size(),
                    answers.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                answer -> answer.action() + " " + answer.status() + " " + answer.state(),
                                java.util.TreeMap::new, java.util.stream.Collectors.counting())),
                    published.values().stream().mapToInt(List::size).sum());
            assertEveryAvailabilityKeptTheRules(published);
            assertEveryonesEmailsTellOneValidStory(everyone, emails);
            assertNoReleasedSeatWasGivenTwice(emails);
            assertEveryAppliedRequestWasEmailedOnceAndNothingElse(emails);
            assertTheLastAvailabilityIsWhatTheEmailsSay(published, emails);
        }
    }

    /** So that the rules below cannot hold for want of anything happening. */
    private static void assertTheStormExercisedEveryTransition(Map<String, List<String>> emails) {
        Map<String, Long> tally = tally(emails);
        assertThat(tally).as("emails of each kind")
            .containsKeys(HELD, OPENED, WAITLISTED, CONFIRMED, CANCELLED, EXPIRED, LEFT);
        assertThat(tally.get(CONFIRMED)).as("seats confirmed").isGreaterThanOrEqualTo(20);
        assertThat(tally.get(CANCELLED)).as("seats cancelled").isGreaterThanOrEqualTo(20);
        assertThat(tally.get(OPENED)).as("seats that opened for the first in line").isGreaterThanOrEqualTo(40);
        assertThat(tally.get(EXPIRED)).as("holds that ran out").isGreaterThanOrEqualTo(10);
    }

    /**
     * Every record, at every change: never more seats than capacity, none free while
     * someone waits.
     */
    private static void assertEveryAvailabilityKeptTheRules(Map<String, List<GroupAvailability>> published) {
        assertThat(published).containsOnlyKeys(CAPACITY.keySet());
        published.forEach((group, records) -> assertThat(records).allSatisfy(record -> {
            CohortAvailability cohort = record.getCohorts().get(0);
            assertThat(cohort.getHeld() + cohort.getConfirmed()).as("seats taken in %s", group)
                .isLessThanOrEqualTo(CAPACITY.get(group));
            if (record.getWaitlistLength() > 0) {
                assertThat(cohort.getFree()).as("free seats in %s while %d wait", group, record.getWaitlistLength())
                    .isZero();
            }
        }));
    }

    /**
     * One place per person: a seat held or a place in line first, then only what can
     * follow it, each email once.
     */
    private void assertEveryonesEmailsTellOneValidStory(List<String> everyone, Map<String, List<String>> emails) {
        assertThat(emails).containsOnlyKeys(everyone);
        assertThat(smtp.getReceivedMessages()).extracting(this::messageId).doesNotHaveDuplicates();
        emails.forEach((person, subjects) -> {
            assertThat(subjects).as("emails of %s", person).doesNotHaveDuplicates();
            boolean held = subjects.contains(HELD);
            boolean waiting = subjects.contains(WAITLISTED);
            assertThat(held ^ waiting).as("%s was first either held a seat or put in line: %s", person, subjects)
                .isTrue();
            if (subjects.contains(OPENED) || subjects.contains(LEFT)) {
                assertThat(waiting).as("%s was offered a seat or left the line only from it: %s", person, subjects)
                    .isTrue();
                assertThat(subjects.contains(OPENED) && subjects.contains(LEFT)).as("%s both promoted and left", person)
                    .isFalse();
            }
            if (subjects.contains(CONFIRMED) || subjects.contains(CANCELLED) || subjects.contains(EXPIRED)) {
                assertThat(held || subjects.contains(OPENED)).as("%s had a seat: %s", person, subjects).isTrue();
            }
            assertThat(subjects.contains(CANCELLED) && subjects.contains(EXPIRED)).as("%s: a seat ends once", person)
                .isFalse();
            if (subjects.contains(EXPIRED)) {
                assertThat(subjects).as("%s: a confirmed seat never runs out", person).doesNotContain(CONFIRMED);
            }
        });
    }

    private static void assertNoReleasedSeatWasGivenTwice(Map<String, List<String>> emails) {
        CAPACITY.keySet().forEach(group -> {
            long released = count(emails, group, CANCELLED) + count(emails, group, EXPIRED);
            assertThat(count(emails, group, OPENED)).as("promotions in %s, for %d seats released", group, released)
                .isLessThanOrEqualTo(released);
        });
    }

    /**
     * What people were told their request did, they were emailed once; and nobody got an
     * email of a request they did not make.
     */
    private void assertEveryAppliedRequestWasEmailedOnceAndNothingElse(Map<String, List<String>> emails) {
        Map<String, String> emailOfState = Map.of("CONFIRMED", CONFIRMED, "CANCELLED_BY_PERSON", CANCELLED,
                "LEFT_WAITLIST", LEFT);
        Map<String, String> emailOfAction = Map.of("confirm", CONFIRMED, "cancel", CANCELLED, "leave-waitlist", LEFT);
        for (Answer answer : answers) {
            if (answer.status() == 200 && emailOfState.containsKey(answer.state())) {
                assertThat(emails.get(answer.person())).as("%s was told %s", answer.person(), answer.state())
                    .contains(emailOfState.get(answer.state()));
            }
        }
        emails.forEach((person, subjects) -> emailOfAction.forEach((action, subject) -> {
            if (subjects.contains(subject)) {
                assertThat(answers).as("%s got '%s'", person, subject)
                    .anyMatch(answer -> answer.person().equals(person) && answer.action().equals(action));
            }
        }));
        assertThat(answers).extracting(Answer::status).as("answers to requests").isSubsetOf(200, 202, 409);
        answers.stream()
            .filter(answer -> answer.status() == 202)
            .forEach(pending -> assertThat(emails.get(pending.person()))
                .as("%s's request to %s, accepted, came to an end", pending.person(), pending.action())
                .containsAnyOf(emailOfAction.get(pending.action()), EXPIRED, CANCELLED, OPENED));
    }

    /** Who holds a seat and who waits, at the end, by the emails and by the processor. */
    private static void assertTheLastAvailabilityIsWhatTheEmailsSay(Map<String, List<GroupAvailability>> published,
            Map<String, List<String>> emails) {
        CAPACITY.forEach((group, capacity) -> {
            List<GroupAvailability> records = published.get(group);
            GroupAvailability last = records.get(records.size() - 1);
            long confirmed = emails.entrySet()
                .stream()
                .filter(person -> person.getKey().endsWith("@" + group + ".example.org"))
                .filter(person -> person.getValue().contains(CONFIRMED) && !person.getValue().contains(CANCELLED))
                .count();
            long stillWaiting = emails.entrySet()
                .stream()
                .filter(person -> person.getKey().endsWith("@" + group + ".example.org"))
                .filter(person -> person.getValue().equals(List.of(WAITLISTED)))
                .count();
            assertThat(last.getCohorts().get(0).getConfirmed()).as("confirmed in %s", group).isEqualTo((int) confirmed);
            assertThat(last.getCohorts().get(0).getHeld()).as("held in %s once settled", group).isZero();
            assertThat(last.getWaitlistLength()).as("waiting in %s", group).isEqualTo((int) stillWaiting);
        });
    }

    /**
     * Acts on every email that arrived, waiting up to {@code patience} for one; true when
     * there was any.
     */
    private boolean actOnNewEmails(Duration patience) {
        smtp.waitForIncomingEmail(patience.toMillis(), actedOn.size() + 1);
        boolean any = false;
        for (MimeMessage email : smtp.getReceivedMessages()) {
            if (actedOn.add(messageId(email))) {
                any = true;
                onEmail(Emails.recipient(email), Emails.subject(email), Emails.placeToken(email));
            }
        }
        return any;
    }

    private void onEmail(String person, String subject, String token) {
        double dice = random.nextDouble();
        long delayMillis = random.nextInt(800);
        switch (subject) {
            case HELD, OPENED -> {
                if (settling || dice < 0.40) {
                    later(person, token, "confirm", settling ? 0 : delayMillis);
                }
                else if (dice < 0.70) {
                    later(person, token, "cancel", delayMillis);
                }
                // else: the hold runs out
            }
            case WAITLISTED -> {
                if (!settling && dice < 0.10) {
                    later(person, token, "leave-waitlist", delayMillis * 3);
                }
            }
            case CONFIRMED -> {
                // Half change their mind, so seats keep turning over to the line.
                if (!settling && dice < 0.50) {
                    later(person, token, "cancel", delayMillis);
                }
            }
            default -> {
                // an ended place: nothing left to do
            }
        }
    }

    private void later(String person, String token, String action, long delayMillis) {
        people.schedule(() -> {
            HttpResponse<String> response = post("/api/places/" + token + "/" + action, "");
            answers.add(new Answer(person, action, response.statusCode(), stateIn(response.body())));
            return null;
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private boolean settled(Map<String, List<GroupAvailability>> published, List<String> everyone) {
        if (!emailsByPerson().keySet().containsAll(everyone) || !published.keySet().containsAll(CAPACITY.keySet())) {
            return false;
        }
        return published.values().stream().allMatch(records -> {
            GroupAvailability last = records.get(records.size() - 1);
            CohortAvailability cohort = last.getCohorts().get(0);
            return cohort.getHeld() == 0 && (cohort.getFree() == 0 || last.getWaitlistLength() == 0);
        });
    }

    /** Nobody is about to act: every request scheduled has been sent and answered. */
    private boolean everyRequestAnswered() {
        ScheduledThreadPoolExecutor scheduled = (ScheduledThreadPoolExecutor) people;
        return scheduled.getQueue().isEmpty() && scheduled.getActiveCount() == 0;
    }

    /**
     * The processors have applied, and committed, every signup and request sent (their
     * producers write no transactions, so a lag of nothing is exact): after a kill and a
     * rebalance, tasks may still be moving when everything else looks quiet.
     */
    private boolean processorsCaughtUp() throws Exception {
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(PROCESSORS)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> inputs = new HashMap<>();
            for (String topic : List.of(TOPICS.signupsSubmitted(), TOPICS.seatRequests())) {
                for (int partition = 0; partition < TOPICS.partitions(); partition++) {
                    inputs.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            return admin.listOffsets(inputs).all().get(10, TimeUnit.SECONDS).entrySet().stream().allMatch(end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
            });
        }
    }

    private Map<String, List<String>> emailsByPerson() {
        Map<String, List<String>> byPerson = new HashMap<>();
        for (MimeMessage email : smtp.getReceivedMessages()) {
            byPerson.computeIfAbsent(Emails.recipient(email), person -> new ArrayList<>()).add(Emails.subject(email));
        }
        return byPerson;
    }

    private static Map<String, Long> tally(Map<String, List<String>> emails) {
        return emails.values()
            .stream()
            .flatMap(List::stream)
            .collect(java.util.stream.Collectors.groupingBy(subject -> subject, java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
    }

    private static long count(Map<String, List<String>> emails, String group, String subject) {
        return emails.entrySet()
            .stream()
            .filter(person -> person.getKey().endsWith("@" + group + ".example.org"))
            .filter(person -> person.getValue().contains(subject))
            .count();
    }

    private List<String> everyone() {
        List<String> everyone = new ArrayList<>();
        for (int i = 0; i < PEOPLE_PER_GROUP; i++) {
            for (String group : CAPACITY.keySet()) {
                String person = "person" + i + "@" + group + ".example.org";
                groupOf.put(person, group);
                everyone.add(person);
            }
        }
        return everyone;
    }

    private String signup(String person) {
        return """
                {"firstName":"Storm","lastName":"Tester","email":"%s","state":"NJ","group":"%s"}""".formatted(person,
                groupOf.get(person));
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(signupUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(int port) {
        await("the processor on port " + port + " is ready").atMost(Duration.ofSeconds(90))
            .ignoreExceptions()
            .until(() -> http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200);
    }

    /** The place's status in an answer, or a problem's title. */
    private static String stateIn(String body) {
        for (String field : new String[] { "\"status\":\"", "\"title\":\"" }) {
            int at = body.indexOf(field);
            if (at >= 0) {
                return body.substring(at + field.length(), body.indexOf('"', at + field.length()));
            }
        }
        return "";
    }

    private String messageId(MimeMessage email) {
        try {
            return email.getMessageID();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ServiceProcess startProcessor(String instance) throws IOException {
        int port = FreePorts.loopback();
        readiness.add(port);
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(List.of("--spring.kafka.streams.state-dir=" + dataDir.resolve(instance), "--server.port=0",
                "--management.server.port=" + port, "--enrollment.seats.confirmation-window=4s",
                "--enrollment.seats.expiry-check=500ms", "--spring.kafka.streams.properties.commit.interval.ms=50"));
        ServiceProcess processor = ServiceProcess.start(EligibilityProcessorApplication.class,
                dataDir.resolve(instance + "-" + UUID.randomUUID() + ".log"), arguments);
        started.add(processor);
        return processor;
    }

    private ConfigurableApplicationContext start(SpringApplication application, String... extra) {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(List.of("--server.port=0", "--management.server.port=0", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--enrollment.web.rate-limit.enabled=false",
                "--enrollment.notifications.retry.first-delay=500ms"));
        arguments.addAll(List.of(extra));
        return application.run(arguments.toArray(String[]::new));
    }

    private List<String> common() {
        return List.of("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(), "--enrollment.data-dir=" + dataDir,
                "--enrollment.catalog=" + catalog);
    }

    private Clients clients() {
        return new Clients(broker.getBrokersAsString(), registry.url());
    }

    private record Answer(String person, String action, int status, String state) {
    }

}
