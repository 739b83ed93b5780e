package org.groupenrollment.notification.sentlog;

import java.nio.file.Path;

import org.groupenrollment.notification.SentLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class SentLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SentLogConfiguration.class);

    /**
     * The embedded H2 file gets its journal beside it in the data folder, since H2 writes
     * commits late. A database server (PostgreSQL, shared by several instances) has each
     * row on disk when its insert commits, and a journal of one instance's own would only
     * repeat it.
     */
    @Bean
    SentLog sentLog(JdbcTemplate jdbc, @Value("${enrollment.data-dir}") Path dataDir) {
        JdbcSentLog database = new JdbcSentLog(jdbc);
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) {
            log.info("Sent log: this instance's H2 file, with its journal");
            return new JournaledSentLog(database, dataDir.resolve("notification-consumer/sent-log.journal"));
        }
        log.info("Sent log: a shared {} database", product);
        return database;
    }

}
