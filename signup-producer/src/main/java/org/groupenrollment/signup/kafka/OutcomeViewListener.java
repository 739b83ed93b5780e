package org.groupenrollment.signup.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.signup.status.OutcomeView;
import org.groupenrollment.signup.status.SignupStatus;
import org.groupenrollment.signup.status.SignupStatus.State;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the status view from the outcome topics. Every instance reads them all (its own
 * consumer group, from the beginning), since any instance may be asked about any signup.
 */
@Component
class OutcomeViewListener {

    private final OutcomeView view;

    OutcomeViewListener(OutcomeView view) {
        this.view = view;
    }

    @KafkaListener(id = "signup-status", groupId = "signup-producer-status-${random.uuid}",
            topics = { "${enrollment.topics.seats-reserved}", "${enrollment.topics.signups-waitlisted}",
                    "${enrollment.topics.redirected-to-dbt}" },
            properties = { "auto.offset.reset=earliest", "isolation.level=read_committed" },
            containerFactory = "outcomeListenerContainerFactory")
    void on(ConsumerRecord<String, Object> record) {
        Object outcome = record.value();
        if (outcome instanceof SeatReserved seat) {
            view.on(new SignupStatus(seat.getSignupId(), State.SEAT_RESERVED, seat.getReservedAt()));
        }
        else if (outcome instanceof SignupWaitlisted waitlisted) {
            view.on(new SignupStatus(waitlisted.getSignupId(), State.WAITLISTED, waitlisted.getWaitlistedAt()));
        }
        else if (outcome instanceof RedirectedToDbt redirected) {
            view.on(new SignupStatus(redirected.getSignupId(), State.REDIRECTED_TO_DBT, redirected.getRedirectedAt()));
        }
    }

}
