package org.groupenrollment.notification.sentlog;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real H2 database with the service's own schema. */
class JdbcSentLogTests {

    private final JdbcTemplate jdbc = freshDatabase();

    private final JdbcSentLog sentLog = new JdbcSentLog(jdbc);

    @Test
    void aNotificationIsUnsentUntilRecorded() {
        assertThat(sentLog.wasSent("seat-reserved:1")).isFalse();

        sentLog.recordSent("seat-reserved:1", "seat-reserved");

        assertThat(sentLog.wasSent("seat-reserved:1")).isTrue();
        assertThat(sentLog.wasSent("seat-reserved:2")).isFalse();
    }

    @Test
    void recordingTheSameNotificationTwiceKeepsOneRow() {
        sentLog.recordSent("waitlisted:7", "waitlisted");
        sentLog.recordSent("waitlisted:7", "waitlisted");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification", Integer.class)).isEqualTo(1);
    }

    private static JdbcTemplate freshDatabase() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(dataSource);
        return new JdbcTemplate(dataSource);
    }

}
