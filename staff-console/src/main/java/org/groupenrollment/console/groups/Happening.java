package org.groupenrollment.console.groups;

import java.time.Instant;

/**
 * One line of a place's history, from the events about it.
 *
 * @param email where the event that made the email of this step lies, when it made one
 */
public record Happening(String signupId, Instant at, Kind kind, String detail, EmailSource email) {

    public enum Kind {

        SUBMITTED("Signed up"), SEAT_HELD("Seat held for confirmation"), SEAT_GIVEN("Seat given"),
        OFFERED_FROM_WAITLIST("Promoted from the waitlist: seat held"), WAITLISTED("Joined the waitlist"),
        REDIRECTED_TO_DBT("Offered the DBT skills group"), CONFIRMED("Confirmed"),
        CANCELLED_BY_PERSON("Cancelled by the person"), CANCELLED_BY_STAFF("Cancelled by staff"),
        HOLD_EXPIRED("Hold ran out"), RELEASED("Seat released"), LEFT_WAITLIST("Left the waitlist"),
        REMOVED_FROM_WAITLIST("Taken off the waitlist by staff"), EMAIL_RESENT("Last email sent again by staff"),
        ERASED("Personal data erased");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

    }

    /** The record an email was made from, so that the same email can be sent again. */
    public record EmailSource(String topic, int partition, long offset) {
    }

}
