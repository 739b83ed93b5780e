package org.groupenrollment.console.kafka;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groupenrollment.console.groups.GroupSeats;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WaitlistPlaceLeft;

/** From the pipeline's Avro events to the board's records, at the edge. */
final class AvroEvents {

    private AvroEvents() {
    }

    static GroupSeats seats(GroupAvailability group) {
        return new GroupSeats(group.getGroupId(),
                group.getCohorts()
                    .stream()
                    .map(cohort -> new GroupSeats.Cohort(cohort.getCohortId(), cohort.getCapacity(), cohort.getHeld(),
                            cohort.getConfirmed(), cohort.getFree()))
                    .toList(),
                group.getWaitlistLength(), group.getAsOf());
    }

    /** A step in a place's history, for each event the notifier makes an email of. */
    static Optional<Happening> happening(ConsumerRecord<String, Object> record) {
        Happening.EmailSource email = new Happening.EmailSource(record.topic(), record.partition(), record.offset());
        Object value = record.value();
        if (value instanceof SeatReserved seat) {
            Happening.Kind kind = seat.getHoldExpiresAt() == null ? Happening.Kind.SEAT_GIVEN
                    : seat.getFromWaitlist() ? Happening.Kind.OFFERED_FROM_WAITLIST : Happening.Kind.SEAT_HELD;
            return Optional.of(new Happening(seat.getSignupId().toString(), seat.getReservedAt(), kind,
                    seat.getSchedule().getCohortId() + ", seat " + seat.getSeatNumber(), email));
        }
        if (value instanceof SignupWaitlisted waitlisted) {
            return Optional.of(new Happening(waitlisted.getSignupId().toString(), waitlisted.getWaitlistedAt(),
                    Happening.Kind.WAITLISTED, "number " + waitlisted.getWaitlistPosition() + " in line", email));
        }
        if (value instanceof RedirectedToDbt redirect) {
            return Optional.of(new Happening(redirect.getSignupId().toString(), redirect.getRedirectedAt(),
                    Happening.Kind.REDIRECTED_TO_DBT, null, email));
        }
        if (value instanceof SeatConfirmed confirmed) {
            return Optional.of(new Happening(confirmed.getSignupId().toString(), confirmed.getConfirmedAt(),
                    Happening.Kind.CONFIRMED, "seat " + confirmed.getSeatNumber(), email));
        }
        if (value instanceof SeatReleased released) {
            return Optional.of(new Happening(released.getSignupId().toString(), released.getReleasedAt(),
                    released(released.getReason()), released.getCohortId() + ", seat " + released.getSeatNumber(),
                    email));
        }
        if (value instanceof WaitlistPlaceLeft left) {
            return Optional.of(new Happening(left.getSignupId().toString(), left.getLeftAt(),
                    left.getReason() == LeaveReason.REMOVED_BY_STAFF ? Happening.Kind.REMOVED_FROM_WAITLIST
                            : Happening.Kind.LEFT_WAITLIST,
                    null, email));
        }
        return Optional.empty();
    }

    private static Happening.Kind released(ReleaseReason reason) {
        return switch (reason) {
            case CANCELLED_BY_PERSON -> Happening.Kind.CANCELLED_BY_PERSON;
            case CANCELLED_BY_STAFF -> Happening.Kind.CANCELLED_BY_STAFF;
            case HOLD_EXPIRED -> Happening.Kind.HOLD_EXPIRED;
            default -> Happening.Kind.RELEASED;
        };
    }

}
