package org.groupenrollment.notification.sentlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A killed notifier is played by a journal left behind and a database that lost its last
 * rows: a fresh in-memory database stands for the file H2 had not yet written.
 */
class JournaledSentLogTests {

    @TempDir
    Path dataDir;

    @Test
    void aNotificationWhoseRowTheDatabaseLostIsStillKnownAsSentAfterARestart() {
        Path journal = dataDir.resolve("sent-log.journal");
        new JournaledSentLog(new JdbcSentLog(freshDatabase()), journal).recordSent("seat-reserved.1", "seat-reserved");

        JournaledSentLog restarted = new JournaledSentLog(new JdbcSentLog(freshDatabase()), journal);

        assertThat(restarted.wasSent("seat-reserved.1")).isTrue();
        assertThat(restarted.wasSent("seat-reserved.2")).isFalse();
    }

    @Test
    void aLineTheKillCutShortStillCountsAsSent() throws IOException {
        Path journal = dataDir.resolve("sent-log.journal");
        Files.writeString(journal, "waitlisted.1\twaitlisted\nwaitlisted.2", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE);

        JournaledSentLog restarted = new JournaledSentLog(new JdbcSentLog(freshDatabase()), journal);

        assertThat(restarted.wasSent("waitlisted.1")).isTrue();
        assertThat(restarted.wasSent("waitlisted.2")).isTrue();
    }

    @Test
    void theJournalIsEmptiedOnceTheDatabaseHasWrittenItsRows() throws IOException {
        Path journal = dataDir.resolve("sent-log.journal");
        JdbcTemplate database = freshDatabase();
        JournaledSentLog sentLog = new JournaledSentLog(new JdbcSentLog(database), journal);

        for (int i = 0; i < JournaledSentLog.CHECKPOINT_EVERY - 1; i++) {
            sentLog.recordSent("redirected-to-dbt." + i, "redirected-to-dbt");
        }
        long before = Files.size(journal);
        sentLog.recordSent("redirected-to-dbt.last", "redirected-to-dbt");

        assertThat(before).isPositive();
        assertThat(Files.size(journal)).isZero();
        assertThat(database.queryForObject("SELECT COUNT(*) FROM sent_notification", Integer.class))
            .isEqualTo(JournaledSentLog.CHECKPOINT_EVERY);
    }

    private static JdbcTemplate freshDatabase() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(dataSource);
        return new JdbcTemplate(dataSource);
    }

}
