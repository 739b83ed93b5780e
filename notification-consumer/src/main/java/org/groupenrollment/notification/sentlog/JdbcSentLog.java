package org.groupenrollment.notification.sentlog;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;

import org.groupenrollment.notification.SentLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sent log in a database table (an H2 file under the data folder by default), so that
 * it survives restarts. It holds notification ids and kinds only: no address, no group.
 */
class JdbcSentLog implements SentLog {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    JdbcSentLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** A primary-key probe: one index look-up, no aggregate, on every email's path. */
    @Override
    public boolean wasSent(String notificationId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM sent_notification WHERE notification_id = ?",
                ResultSet::next, notificationId));
    }

    /**
     * A plain insert; the row is only there already if another delivery of the same
     * outcome won the race.
     */
    @Override
    public void recordSent(String notificationId, String kind) {
        try {
            jdbc.update("INSERT INTO sent_notification (notification_id, kind, sent_at) VALUES (?, ?, ?)",
                    notificationId, kind, Timestamp.from(clock.instant()));
        }
        catch (DuplicateKeyException alreadyRecorded) {
            // the same outcome, sent twice with the same Message-ID: recorded once is
            // enough
        }
    }

    /**
     * Returns once every row recorded so far is written to the database's file (H2's
     * CHECKPOINT SYNC).
     */
    void writeToDisk() {
        jdbc.execute("CHECKPOINT SYNC");
    }

}
