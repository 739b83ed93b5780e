package org.groupenrollment.notification.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.groupenrollment.events.EmailResendRequested;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.notification.Outcome;
import org.groupenrollment.notification.OutcomeNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Staff asked for a person's last email again (the staff console): reads the event that
 * email was made from where the request points, checks it is an event about that signup
 * on a topic the notifier makes emails of, and has the notifier send it again. A request
 * that points at anything else, or at a record gone with the topic's retention, is logged
 * and dropped: nothing could be sent for it.
 */
@Component
class EmailResendListener {

    private static final Logger log = LoggerFactory.getLogger(EmailResendListener.class);

    private static final Duration FETCH_PATIENCE = Duration.ofSeconds(5);

    private final OutcomeNotifier notifier;

    private final List<String> notified;

    private final Consumer<String, Object> reader;

    EmailResendListener(OutcomeNotifier notifier, EnrollmentTopics topics, ConsumerFactory<String, Object> consumers) {
        this.notifier = notifier;
        this.notified = topics.notified();
        // Reads single records by position (assigned, never subscribed: it joins no
        // group) and
        // commits nothing.
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.reader = consumers.createConsumer(null, "email-resend-reader", null, overrides);
    }

    // Resends are rare: one consumer is plenty.
    @KafkaListener(id = "email-resender", topics = "${enrollment.topics.email-resends}", concurrency = "1")
    void on(EmailResendRequested request) {
        if (!notified.contains(request.getTopic())) {
            log.warn("Resend {} points at {}, which holds no emails' events; dropped", request.getRequestId(),
                    request.getTopic());
            return;
        }
        Optional<Outcome> outcome = fetch(request).map(ConsumerRecord::value)
            .flatMap(OutcomeEvents::anyOutcome)
            .filter(found -> found.signupId().equals(request.getSignupId()));
        if (outcome.isEmpty()) {
            log.warn("Resend {}: no email's event of signup {} at {}-{}@{}; dropped", request.getRequestId(),
                    request.getSignupId(), request.getTopic(), request.getPartition(), request.getOffset());
            return;
        }
        notifier.resend(outcome.get(), request.getRequestId());
    }

    private synchronized Optional<ConsumerRecord<String, Object>> fetch(EmailResendRequested request) {
        TopicPartition partition = new TopicPartition(request.getTopic(), request.getPartition());
        reader.assign(List.of(partition));
        reader.seek(partition, request.getOffset());
        for (ConsumerRecord<String, Object> record : reader.poll(FETCH_PATIENCE).records(partition)) {
            if (record.offset() == request.getOffset()) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    @PreDestroy
    void close() {
        synchronized (this) {
            reader.close(Duration.ofSeconds(5));
        }
    }

}
