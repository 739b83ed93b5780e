package org.groupenrollment.notification.kafka;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.groupenrollment.events.WeeklySchedule;
import org.groupenrollment.notification.Outcome;

/**
 * The edge where the processor's Avro events become what the notifier works with.
 */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    /** Any of the events the notifier makes emails of; empty for anything else. */
    static Optional<Outcome> anyOutcome(Object event) {
        if (event instanceof SeatReserved seat) {
            return Optional.of(toOutcome(seat));
        }
        if (event instanceof SignupWaitlisted waitlisted) {
            return Optional.of(toOutcome(waitlisted));
        }
        if (event instanceof RedirectedToDbt redirect) {
            return Optional.of(toOutcome(redirect));
        }
        if (event instanceof SeatConfirmed confirmed) {
            return Optional.of(toOutcome(confirmed));
        }
        if (event instanceof SeatReleased released) {
            return Optional.of(toOutcome(released));
        }
        if (event instanceof WaitlistPlaceLeft left) {
            return Optional.of(toOutcome(left));
        }
        return Optional.empty();
    }

    static Outcome.SeatReserved toOutcome(SeatReserved seat) {
        return new Outcome.SeatReserved(seat.getSignupId(), recipient(seat.getRecipient()), seat.getGroupName(),
                schedule(seat.getSchedule()), seat.getSeatNumber(), seat.getHoldExpiresAt(), seat.getFromWaitlist());
    }

    static Outcome.SeatConfirmed toOutcome(SeatConfirmed confirmed) {
        return new Outcome.SeatConfirmed(confirmed.getSignupId(), recipient(confirmed.getRecipient()),
                confirmed.getGroupName(), schedule(confirmed.getSchedule()), confirmed.getSeatNumber(),
                confirmed.getConfirmedAt());
    }

    /** A reason this reader does not know yet cannot be explained: refused. */
    static Outcome.SeatReleased toOutcome(SeatReleased released) {
        if (released.getReason() == ReleaseReason.UNKNOWN) {
            throw new UnusableOutcomeException("A seat was released for a reason this notifier does not know");
        }
        return new Outcome.SeatReleased(released.getSignupId(), recipient(released.getRecipient()),
                released.getGroupName(), Outcome.ReleaseReason.valueOf(released.getReason().name()));
    }

    static Outcome.WaitlistPlaceLeft toOutcome(WaitlistPlaceLeft left) {
        if (left.getReason() == LeaveReason.UNKNOWN) {
            throw new UnusableOutcomeException("A waitlist place ended for a reason this notifier does not know");
        }
        return new Outcome.WaitlistPlaceLeft(left.getSignupId(), recipient(left.getRecipient()), left.getGroupName(),
                left.getReason() == LeaveReason.REMOVED_BY_STAFF);
    }

    static Outcome.Waitlisted toOutcome(SignupWaitlisted waitlisted) {
        return new Outcome.Waitlisted(waitlisted.getSignupId(), recipient(waitlisted.getRecipient()),
                waitlisted.getGroupName(), waitlisted.getWaitlistPosition());
    }

    static Outcome.RedirectedToDbt toOutcome(RedirectedToDbt redirect) {
        return new Outcome.RedirectedToDbt(redirect.getSignupId(), recipient(redirect.getRecipient()),
                redirect.getRequestedGroupName(), redirect.getStateOfResidence(),
                List.copyOf(redirect.getLicensedStates()));
    }

    private static Outcome.Recipient recipient(Recipient recipient) {
        return new Outcome.Recipient(recipient.getFirstName(), recipient.getEmail());
    }

    /**
     * A day this reader does not know yet (MeetingDay's default, UNKNOWN) cannot be
     * emailed: refused.
     */
    private static Outcome.Schedule schedule(WeeklySchedule schedule) {
        if (schedule.getDayOfWeek() == MeetingDay.UNKNOWN) {
            throw new UnusableOutcomeException(
                    "Cohort " + schedule.getCohortId() + " meets on a day this notifier does not know");
        }
        return new Outcome.Schedule(DayOfWeek.valueOf(schedule.getDayOfWeek().name()), schedule.getStartTime(),
                schedule.getTimeZone(), schedule.getDurationMinutes(), schedule.getFirstSession());
    }

}
