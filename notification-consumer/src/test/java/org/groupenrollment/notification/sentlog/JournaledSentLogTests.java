package org.groupenrollment.notification.sentlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

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
        new JournaledSentLog(new JdbcSentLog(SentLogDatabases.freshH2()), journal).recordSent("seat-reserved.1",
                "seat-reserved");

        JournaledSentLog restarted = new JournaledSentLog(new JdbcSentLog(SentLogDatabases.freshH2()), journal);

        assertThat(restarted.wasSent("seat-reserved.1")).isTrue();
        assertThat(restarted.wasSent("seat-reserved.2")).isFalse();
    }

    @Test
    void aLineTheKillCutShortStillCountsAsSent() throws IOException {
        Path journal = dataDir.resolve("sent-log.journal");
        Files.writeString(journal, "waitlisted.1\twaitlisted\nwaitlisted.2", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE);

        JournaledSentLog restarted = new JournaledSentLog(new JdbcSentLog(SentLogDatabases.freshH2()), journal);

        assertThat(restarted.wasSent("waitlisted.1")).isTrue();
        assertThat(restarted.wasSent("waitlisted.2")).isTrue();
    }

    @Test
    void theJournalIsEmptiedOnceTheDatabaseHasWrittenItsRows() throws IOException {
        Path journal = dataDir.resolve("sent-log.journal");
        JdbcTemplate database = SentLogDatabases.freshH2();
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

    @Test
    void listenerThreadsRecordingAtOnceAcrossCheckpointsLoseNoRow() throws Exception {
        JdbcTemplate database = SentLogDatabases.freshH2();
        JournaledSentLog sentLog = new JournaledSentLog(new JdbcSentLog(database), dataDir.resolve("sent-log.journal"));
        int threads = 4;
        int each = JournaledSentLog.CHECKPOINT_EVERY / 2 + 7;
        ExecutorService listeners = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(listeners.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        sentLog.recordSent("seat-reserved." + thread + "." + i, "seat-reserved");
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            listeners.shutdownNow();
        }

        assertThat(database.queryForObject("SELECT COUNT(*) FROM sent_notification", Integer.class))
            .isEqualTo(threads * each);
        // Checkpointed twice on the way: only what the last checkpoint did not cover is
        // left.
        assertThat(Files.readAllLines(dataDir.resolve("sent-log.journal"))).hasSizeBetween(1,
                JournaledSentLog.CHECKPOINT_EVERY - 1);
    }

}
