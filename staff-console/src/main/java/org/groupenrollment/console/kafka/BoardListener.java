package org.groupenrollment.console.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.GroupSeats;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.console.groups.Person;
import org.groupenrollment.console.groups.Place;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the board from the signups, the processor's availability and places, and every
 * event that made an email (a place's history). One listener, one thread: the board is
 * built in the order each topic's partitions give.
 */
@Component
class BoardListener {

    private static final Logger log = LoggerFactory.getLogger(BoardListener.class);

    private final Board board;

    private final EnrollmentTopics topics;

    BoardListener(Board board, EnrollmentTopics topics) {
        this.board = board;
        this.topics = topics;
    }

    public List<String> topics() {
        List<String> all = new java.util.ArrayList<>(
                List.of(topics.signupsSubmitted(), topics.places(), topics.groupAvailability()));
        all.addAll(topics.notified());
        return all;
    }

    @KafkaListener(id = "console-board", topics = "#{__listener.topics()}",
            containerFactory = "eventListenerContainerFactory")
    void on(ConsumerRecord<String, Object> record) {
        Object value = record.value();
        if (value instanceof SignupSubmitted signup) {
            on(signup);
        }
        else if (value instanceof PlaceStatus place) {
            on(place);
        }
        else if (value instanceof GroupAvailability group) {
            board.on(AvroEvents.seats(group));
        }
        else {
            AvroEvents.happening(record)
                .ifPresentOrElse(board::on,
                        () -> log.debug("Nothing to show on {}@{}", record.topic(), record.offset()));
        }
    }

    private void on(SignupSubmitted signup) {
        board.on(new Person(signup.getSignupId().toString(), signup.getApplicant().getFirstName(),
                signup.getApplicant().getLastName(), signup.getApplicant().getEmail(), signup.getApplicant().getPhone(),
                signup.getStateOfResidence()));
        board.on(new Happening(signup.getSignupId().toString(), signup.getSubmittedAt(), Happening.Kind.SUBMITTED, null,
                null));
    }

    private void on(PlaceStatus status) {
        if (status.getState() == PlaceState.UNKNOWN) {
            log.warn("Place of signup {} is in a state this version does not know; not shown", status.getSignupId());
            return;
        }
        board.on(new Place(status.getSignupId().toString(), status.getGroupId(),
                Place.State.valueOf(status.getState().name()), status.getCohortId(), status.getSeatNumber(),
                status.getHoldExpiresAt(), status.getWaitlistTicket(),
                status.getOriginalSignupId() == null ? null : status.getOriginalSignupId().toString(),
                status.getChangedAt()));
    }

}
