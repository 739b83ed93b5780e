package org.groupenrollment.notification.sentlog;

import java.io.IOException;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.groupenrollment.notification.SentLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same contract against both databases the service runs on, each real and migrated by
 * the service's own Flyway scripts: the embedded H2 and a PostgreSQL server (the real
 * binary, started for the test).
 */
class JdbcSentLogTests {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", SentLogDatabases.freshH2()), Arguments.of("PostgreSQL", freshPostgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNotificationIsUnsentUntilRecorded(String database, JdbcTemplate jdbc) {
        SentLog sentLog = new JdbcSentLog(jdbc);
        assertThat(sentLog.wasSent("seat-reserved:1")).isFalse();

        sentLog.recordSent("seat-reserved:1", "seat-reserved");

        assertThat(sentLog.wasSent("seat-reserved:1")).isTrue();
        assertThat(sentLog.wasSent("seat-reserved:2")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordingTheSameNotificationTwiceKeepsOneRow(String database, JdbcTemplate jdbc) {
        SentLog sentLog = new JdbcSentLog(jdbc);
        sentLog.recordSent("waitlisted:7", "waitlisted");
        sentLog.recordSent("waitlisted:7", "waitlisted");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification", Integer.class)).isEqualTo(1);
    }

    /** What another instance recorded is what this one reads: one table for all. */
    @Test
    void twoInstancesOnOnePostgresqlSeeEachOthersRows() {
        JdbcTemplate shared = freshPostgres();
        SentLog one = new JdbcSentLog(shared);
        SentLog other = new JdbcSentLog(new JdbcTemplate(shared.getDataSource()));

        one.recordSent("seat-reserved:42", "seat-reserved");

        assertThat(other.wasSent("seat-reserved:42")).isTrue();
    }

    /**
     * A sent log made by the schema script before migrations: Flyway starts its history
     * below V1, and the rows stay.
     */
    @Test
    void anH2SentLogFromBeforeMigrationsIsTakenOverWithItsRows() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate before = new JdbcTemplate(dataSource);
        before.execute("CREATE TABLE sent_notification (notification_id VARCHAR(200) PRIMARY KEY, "
                + "kind VARCHAR(40) NOT NULL, sent_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        new JdbcSentLog(before).recordSent("seat-reserved:old", "seat-reserved");

        org.flywaydb.core.Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();

        assertThat(new JdbcSentLog(before).wasSent("seat-reserved:old")).isTrue();
    }

    private static JdbcTemplate freshPostgres() {
        String database = "sentlog_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
        return SentLogDatabases.migrated(postgres.getDatabase("postgres", database));
    }

}
