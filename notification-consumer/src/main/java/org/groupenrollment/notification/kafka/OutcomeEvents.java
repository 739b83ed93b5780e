package org.groupenrollment.notification.kafka;

import java.time.DayOfWeek;
import java.util.List;

import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WeeklySchedule;
import org.groupenrollment.notification.Outcome;

/**
 * The edge where the processor's Avro outcome events become what the notifier works with.
 */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    static Outcome.SeatReserved toOutcome(SeatReserved seat) {
        return new Outcome.SeatReserved(seat.getSignupId(), recipient(seat.getRecipient()), seat.getGroupName(),
                schedule(seat.getSchedule()), seat.getSeatNumber());
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
