package org.groupenrollment.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.serde.encryption.DataKeys;

/**
 * Something that happened to one signup, as much of it as its email needs. Each kind and
 * signup make one notification id: it keys the sent log and makes the Message-ID, so a
 * resent email is recognisably the same message.
 */
public sealed interface Outcome {

    UUID signupId();

    Recipient to();

    /** The kind of email, also the name of its templates. */
    String kind();

    default String notificationId() {
        return kind() + "." + signupId();
    }

    /** Whether the email is about a place, and so carries the link to its page. */
    default boolean isAboutAPlace() {
        return true;
    }

    record Recipient(String firstName, String email) {

        /**
         * Whether the person was erased after the event was written: their details read
         * as the erased placeholder, and there is nobody left to email.
         */
        public boolean isErased() {
            return DataKeys.ERASED.equals(email);
        }

    }

    record Schedule(DayOfWeek day, LocalTime start, String timeZone, int durationMinutes, LocalDate firstSession) {
    }

    /**
     * A seat: held until {@code holdExpiresAt} for the person to confirm, or theirs at
     * once when that is null; {@code fromWaitlist} when it opened for the first in line.
     */
    record SeatReserved(UUID signupId, Recipient to, String groupName, Schedule schedule, int seatNumber,
            Instant holdExpiresAt, boolean fromWaitlist) implements Outcome {

        @Override
        public String kind() {
            if (fromWaitlist) {
                return "seat-opened";
            }
            return (holdExpiresAt != null) ? "seat-held" : "seat-reserved";
        }

    }

    record Waitlisted(UUID signupId, Recipient to, String groupName, int position) implements Outcome {

        @Override
        public String kind() {
            return "waitlisted";
        }
    }

    record RedirectedToDbt(UUID signupId, Recipient to, String requestedGroupName, String stateOfResidence,
            List<String> licensedStates) implements Outcome {

        @Override
        public String kind() {
            return "redirected-to-dbt";
        }

        @Override
        public boolean isAboutAPlace() {
            return false;
        }
    }

    /** A held seat confirmed: theirs until they cancel, with a calendar invite. */
    record SeatConfirmed(UUID signupId, Recipient to, String groupName, Schedule schedule, int seatNumber,
            Instant confirmedAt) implements Outcome {

        @Override
        public String kind() {
            return "seat-confirmed";
        }
    }

    record SeatReleased(UUID signupId, Recipient to, String groupName, ReleaseReason reason) implements Outcome {

        @Override
        public String kind() {
            return "seat-released";
        }
    }

    enum ReleaseReason {

        CANCELLED_BY_PERSON, CANCELLED_BY_STAFF, HOLD_EXPIRED

    }

    /** Off the waitlist: by their own wish, or {@code byStaff}. */
    record WaitlistPlaceLeft(UUID signupId, Recipient to, String groupName, boolean byStaff) implements Outcome {

        @Override
        public String kind() {
            return "waitlist-left";
        }
    }

}
