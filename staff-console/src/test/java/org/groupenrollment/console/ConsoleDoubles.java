package org.groupenrollment.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.groupenrollment.console.audit.RecentActivity;
import org.groupenrollment.console.deadletters.DeadLetter;
import org.groupenrollment.console.deadletters.DeadLetterShelf;
import org.groupenrollment.console.deadletters.Redriver;
import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.EmailResends;
import org.groupenrollment.console.groups.GroupRequests;
import org.groupenrollment.console.groups.Listings;
import org.groupenrollment.events.config.GroupCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The console's web layer with its real board, shelf and security; Kafka is a set of
 * recorders, and a stand-in processor may answer requests on the board.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConsoleSettings.class, GroupCatalog.class })
@Import(Listings.class)
public class ConsoleDoubles {

    public static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");

    public static final String STAFF = "sam";

    public static final String ADMIN = "ada";

    public static final String PASSWORD = "correct horse battery staple";

    /** A member of staff and an admin, with bcrypt hashes of {@link #PASSWORD}. */
    public static void users(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        registry.add("enrollment.console.users[0].username", () -> STAFF);
        registry.add("enrollment.console.users[0].password-hash", () -> hash);
        registry.add("enrollment.console.users[0].roles", () -> "STAFF");
        registry.add("enrollment.console.users[1].username", () -> ADMIN);
        registry.add("enrollment.console.users[1].password-hash", () -> hash);
        registry.add("enrollment.console.users[1].roles", () -> "ADMIN");
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    Board board() {
        return new Board();
    }

    @Bean
    DeadLetterShelf deadLetterShelf() {
        return new DeadLetterShelf();
    }

    @Bean
    RecentActivity recentActivity(ConsoleSettings settings) {
        return new RecentActivity(settings);
    }

    @Bean
    RecordingAuditTrail auditTrail() {
        return new RecordingAuditTrail();
    }

    @Bean
    RecordingRequests requests() {
        return new RecordingRequests();
    }

    @Bean
    RecordingRedriver redriver() {
        return new RecordingRedriver();
    }

    public static class RecordingAuditTrail implements AuditTrail {

        public final List<Activity> recorded = new CopyOnWriteArrayList<>();

        public boolean broken;

        @Override
        public void record(Activity activity) {
            if (broken) {
                throw new AuditUnavailable("broken on purpose", null);
            }
            recorded.add(activity);
        }

    }

    public static class RecordingRequests implements GroupRequests, EmailResends {

        public final List<GroupRequest> sent = new CopyOnWriteArrayList<>();

        public final List<ResendRequest> resends = new CopyOnWriteArrayList<>();

        /** What the processor does with a request; nothing unless a test says. */
        public Consumer<GroupRequest> processor = request -> {
        };

        @Override
        public void send(GroupRequest request) {
            sent.add(request);
            processor.accept(request);
        }

        @Override
        public void send(ResendRequest request) {
            resends.add(request);
        }

    }

    public static class RecordingRedriver implements Redriver {

        public final List<String> redriven = new CopyOnWriteArrayList<>();

        @Override
        public void redrive(DeadLetter letter, String toTopic) {
            redriven.add(letter.id() + " -> " + toTopic);
        }

    }

}
