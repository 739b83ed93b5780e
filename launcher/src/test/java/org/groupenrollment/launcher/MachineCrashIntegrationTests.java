package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.GroupCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole machine crashes: the launcher, the Kafka broker inside it, the registry, the
 * SMTP server and the three services all killed at once (SIGKILL) while signups pour in,
 * then {@code ./run-pipeline} started again on the same data folder and more signups
 * sent. Every signup that was answered 202 is decided exactly once, every group's seats
 * are given exactly up to its capacity (none lost, none twice), and every decision is in
 * the notifier's sent log, recorded only once an SMTP server had taken the email.
 */
class MachineCrashIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    /** Small groups, so that each fills and has a waitlist on both sides of the crash. */
    private static final List<String> GROUPS = List.of("borderline-personality", "trauma-and-ptsd", "ocd",
            "chronic-illness");

    private static final int ACCEPTED_BEFORE_THE_CRASH = 30;

    private static final int EMAILED_BEFORE_THE_CRASH = 10;

    private static final int SENT_AFTER_THE_RESTART = 30;

    private static final Pattern SIGNUP_ID = Pattern.compile("\"signupId\":\"([0-9a-f-]{36})\"");

    private final RunPipeline pipeline;

    private final List<String> accepted = new CopyOnWriteArrayList<>();

    MachineCrashIntegrationTests() throws IOException {
        this.pipeline = new RunPipeline();
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void aWholeMachineCrashLosesNoAcceptedSignupNoSeatAndNoEmail() throws Exception {
        pipeline.start();
        LoopbackClient beforeTheCrash = new LoopbackClient(pipeline.port("signup"));
        Thread sender = new Thread(() -> sendUntilInterrupted(beforeTheCrash), "signups-until-the-crash");
        sender.start();
        // Mid-stream: signups still arriving, decisions being made, emails going out.
        await("signups accepted and emails sent before the crash").atMost(Duration.ofSeconds(90))
            .ignoreExceptions()
            .until(() -> accepted.size() >= ACCEPTED_BEFORE_THE_CRASH
                    && recipientsEmailed() >= EMAILED_BEFORE_THE_CRASH);

        pipeline.crash();
        sender.interrupt();
        sender.join();
        int acceptedBeforeTheCrash = accepted.size();

        pipeline.start();
        LoopbackClient afterTheRestart = new LoopbackClient(pipeline.port("signup"));
        for (int i = 0; i < SENT_AFTER_THE_RESTART; i++) {
            assertThat(send(afterTheRestart, acceptedBeforeTheCrash + 1000 + i)).as("accepted after the restart")
                .isTrue();
        }

        Map<String, List<SpecificRecord>> decisions = new HashMap<>();
        await("every accepted signup decided").atMost(Duration.ofSeconds(120))
            .until(() -> decisionsBySignup(decisions).keySet().containsAll(accepted));
        assertThat(decisions.values()).as("signups decided more than once").allMatch(each -> each.size() == 1);
        assertEveryGroupFilledToItsCapacityOnce(decisions);

        assertThat(pipeline.interrupt()).as("stopped after the interrupt").isTrue();
        assertThat(signupsInTheSentLog()).as("decisions whose email is recorded sent").containsAll(decisions.keySet());
    }

    /** How many addresses the SMTP server has taken mail for (one user each). */
    private int recipientsEmailed() throws IOException, InterruptedException {
        String users = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port("mail-api") + "/api/user"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
        return users.split("\"login\"", -1).length - 1;
    }

    private void sendUntilInterrupted(LoopbackClient client) {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            send(client, i);
        }
    }

    /** True if the signup was answered 202; a refused connection is not acceptance. */
    private boolean send(LoopbackClient client, int i) {
        String name = "Crash" + Integer.toString(i)
            .chars()
            .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0')))
            .reduce("", String::concat);
        try {
            var response = client.postSignup("{\"firstName\":\"" + name + "\",\"lastName\":\"Test\",\"email\":\"crash"
                    + i + "@example.org\",\"state\":\"NY\",\"group\":\"" + GROUPS.get(i % GROUPS.size()) + "\"}");
            Matcher id = SIGNUP_ID.matcher(response.body());
            if (response.status() == 202 && id.find()) {
                accepted.add(id.group(1));
                return true;
            }
        }
        catch (IOException refused) {
            // the machine is down: this signup was never accepted
        }
        return false;
    }

    /** Reads every outcome committed so far into {@code decisions}, by signup id. */
    private Map<String, List<SpecificRecord>> decisionsBySignup(Map<String, List<SpecificRecord>> decisions) {
        decisions.clear();
        try (KafkaConsumer<String, SpecificRecord> consumer = new Clients(pipeline.bootstrapServers(),
                pipeline.registryUrl())
            .avroConsumer("machine-crash-check-" + System.nanoTime())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.outcomes()
                .forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    decisions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
                }
            }
        }
        return decisions;
    }

    private void assertEveryGroupFilledToItsCapacityOnce(Map<String, List<SpecificRecord>> decisions) {
        GroupCatalog catalog = GroupCatalog.packaged();
        for (String group : GROUPS) {
            List<SeatReserved> seats = decisions.values()
                .stream()
                .map(each -> each.get(0))
                .filter(SeatReserved.class::isInstance)
                .map(SeatReserved.class::cast)
                .filter(seat -> seat.getGroupId().equals(group))
                .toList();
            long waitlisted = decisions.values()
                .stream()
                .map(each -> each.get(0))
                .filter(decision -> decision instanceof SignupWaitlisted waiting && waiting.getGroupId().equals(group))
                .count();
            int capacity = catalog.groups().get(group).cohorts().stream().mapToInt(cohort -> cohort.capacity()).sum();
            assertThat(waitlisted).as("%s has a waitlist, so it is full", group).isPositive();
            assertThat(seats).as("seats of %s", group).hasSize(capacity);
            assertThat(seats.stream().map(seat -> seat.getSchedule().getCohortId() + "#" + seat.getSeatNumber()))
                .as("no seat of %s given twice", group)
                .doesNotHaveDuplicates();
        }
    }

    private Set<String> signupsInTheSentLog() throws Exception {
        Set<String> signups = new HashSet<>();
        String url = "jdbc:h2:file:" + pipeline.dataDir().resolve("notification-consumer/sent-log");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT notification_id FROM sent_notification")) {
            while (rows.next()) {
                String notification = rows.getString(1);
                signups.add(notification.substring(notification.indexOf('.') + 1));
            }
        }
        return signups;
    }

}
