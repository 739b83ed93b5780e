package org.groupenrollment.notification.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.notification.EmailSender;
import org.groupenrollment.notification.OutcomeNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads the outcome topics and those of what happened to a place afterwards, and hands
 * each event, by its type, to the notifier. A transient failure moves the record to a
 * retry topic with a growing delay, so the main partitions keep flowing; a permanent one,
 * a record that cannot be deserialized and one that no email can be made of (a tombstone,
 * an unknown type) go straight to the dead-letter topic ({@code <topic>.dlt}), where they
 * stay for staff to inspect and replay.
 */
@Component
@RetryableTopic(attempts = "${enrollment.notifications.retry.attempts}",
        backOff = @BackOff(delayString = "${enrollment.notifications.retry.first-delay}",
                multiplierString = "${enrollment.notifications.retry.multiplier}",
                maxDelayString = "${enrollment.notifications.retry.max-delay}"),
        exclude = { EmailSender.PermanentEmailFailure.class, UnusableOutcomeException.class },
        traversingCauses = "true", retryTopicSuffix = ".retry",
        dltTopicSuffix = EnrollmentTopics.NOTIFIER_DEAD_LETTER_SUFFIX,
        numPartitions = "${enrollment.topics.partitions}",
        replicationFactor = "${enrollment.topics.replication-factor}",
        // Retries are rare: one thread per retry topic is plenty.
        concurrency = "1")
@KafkaListener(id = "outcome-notifier",
        topics = { "${enrollment.topics.seats-reserved}", "${enrollment.topics.signups-waitlisted}",
                "${enrollment.topics.redirected-to-dbt}", "${enrollment.topics.seats-confirmed}",
                "${enrollment.topics.seats-released}", "${enrollment.topics.waitlist-places-left}" })
class OutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

    /** Records sent to a dead-letter topic, by the topic they came from. */
    static final String DEAD_LETTERS = "enrollment.dead.letters";

    private final OutcomeNotifier notifier;

    private final MeterRegistry metrics;

    OutcomeListener(OutcomeNotifier notifier, MeterRegistry metrics) {
        this.notifier = notifier;
        this.metrics = metrics;
    }

    @KafkaHandler
    void on(SeatReserved seat) {
        notifier.on(OutcomeEvents.toOutcome(seat));
    }

    @KafkaHandler
    void on(SignupWaitlisted waitlisted) {
        notifier.on(OutcomeEvents.toOutcome(waitlisted));
    }

    @KafkaHandler
    void on(RedirectedToDbt redirect) {
        notifier.on(OutcomeEvents.toOutcome(redirect));
    }

    @KafkaHandler
    void on(SeatConfirmed confirmed) {
        notifier.on(OutcomeEvents.toOutcome(confirmed));
    }

    @KafkaHandler
    void on(SeatReleased released) {
        notifier.on(OutcomeEvents.toOutcome(released));
    }

    @KafkaHandler
    void on(WaitlistPlaceLeft left) {
        notifier.on(OutcomeEvents.toOutcome(left));
    }

    @KafkaHandler(isDefault = true)
    void onOther(Object other) {
        throw new UnusableOutcomeException(other instanceof KafkaNull ? "An outcome record without a value (tombstone)"
                : "No notification for a " + other.getClass().getName());
    }

    /** Logs the exception's class only: SMTP replies quote the recipient's address. */
    @DltHandler
    void onDeadLetter(ConsumerRecord<String, Object> record,
            @Header(name = KafkaHeaders.EXCEPTION_FQCN, required = false) String cause) {
        log.error("Outcome {} dead-lettered on {}-{}@{} after {}", record.key(), record.topic(), record.partition(),
                record.offset(), cause);
        String source = record.topic();
        metrics
            .counter(DEAD_LETTERS, "source",
                    source.substring(0, source.length() - EnrollmentTopics.NOTIFIER_DEAD_LETTER_SUFFIX.length()))
            .increment();
    }

}
