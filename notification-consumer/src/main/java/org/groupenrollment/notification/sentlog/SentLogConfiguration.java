package org.groupenrollment.notification.sentlog;

import java.nio.file.Path;

import org.groupenrollment.notification.SentLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class SentLogConfiguration {

    /** The database table, with its journal beside the database in the data folder. */
    @Bean
    SentLog sentLog(JdbcTemplate jdbc, @Value("${enrollment.data-dir}") Path dataDir) {
        return new JournaledSentLog(new JdbcSentLog(jdbc), dataDir.resolve("notification-consumer/sent-log.journal"));
    }

}
