package org.groupenrollment.signup.kafka;

import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.signup.status.OutcomeView;
import org.groupenrollment.signup.status.SignupStatus;
import org.groupenrollment.signup.status.SignupStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the status view from the outcome topics, one handler per kind of outcome. Every
 * instance reads them all (its own consumer group, from the beginning), since any
 * instance may be asked about any signup.
 */
@Component
@KafkaListener(id = "signup-status", groupId = "signup-producer-status-${random.uuid}",
        topics = { "${enrollment.topics.seats-reserved}", "${enrollment.topics.signups-waitlisted}",
                "${enrollment.topics.redirected-to-dbt}" },
        properties = { "auto.offset.reset=earliest", "isolation.level=read_committed" },
        containerFactory = "outcomeListenerContainerFactory")
class OutcomeViewListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeViewListener.class);

    private final OutcomeView view;

    OutcomeViewListener(OutcomeView view) {
        this.view = view;
    }

    @KafkaHandler
    void on(SeatReserved seat) {
        view.on(new SignupStatus(seat.getSignupId(), State.SEAT_RESERVED, seat.getReservedAt()), seat.getGroupId());
    }

    @KafkaHandler
    void on(SignupWaitlisted waitlisted) {
        view.on(new SignupStatus(waitlisted.getSignupId(), State.WAITLISTED, waitlisted.getWaitlistedAt()),
                waitlisted.getGroupId());
    }

    @KafkaHandler
    void on(RedirectedToDbt redirected) {
        view.on(new SignupStatus(redirected.getSignupId(), State.REDIRECTED_TO_DBT, redirected.getRedirectedAt()),
                redirected.getRequestedGroupId());
    }

    /**
     * Another kind of record on these topics: the status view has nothing to show for it.
     */
    @KafkaHandler(isDefault = true)
    void onOther(Object other) {
        log.debug("No status for a {}", other.getClass().getName());
    }

}
