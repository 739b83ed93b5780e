package org.groupenrollment.notification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A decision about one signup, as much of it as its email needs. Each kind and signup
 * make one notification id: it keys the sent log and makes the Message-ID, so a resent
 * email is recognisably the same message.
 */
public sealed interface Outcome {

    UUID signupId();

    Recipient to();

    /** The kind of email, also the name of its templates. */
    String kind();

    default String notificationId() {
        return kind() + "." + signupId();
    }

    record Recipient(String firstName, String email) {
    }

    record Schedule(DayOfWeek day, LocalTime start, String timeZone, int durationMinutes, LocalDate firstSession) {
    }

    record SeatReserved(UUID signupId, Recipient to, String groupName, Schedule schedule,
            int seatNumber) implements Outcome {

        @Override
        public String kind() {
            return "seat-reserved";
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
    }

}
