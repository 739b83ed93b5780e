package org.groupenrollment.notification.sentlog;

import java.sql.Timestamp;
import java.time.Clock;

import org.groupenrollment.notification.SentLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sent log in a database table (an H2 file under the data folder by default), so that it
 * survives restarts. It holds notification ids and kinds only: no address, no group.
 */
@Repository
class JdbcSentLog implements SentLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcSentLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    public boolean wasSent(String notificationId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification WHERE notification_id = ?", Integer.class, notificationId);
        return count != null && count > 0;
    }

    @Override
    public void recordSent(String notificationId, String kind) {
        jdbc.update("MERGE INTO sent_notification (notification_id, kind, sent_at) KEY (notification_id) VALUES (?, ?, ?)",
                notificationId, kind, Timestamp.from(clock.instant()));
    }
}
