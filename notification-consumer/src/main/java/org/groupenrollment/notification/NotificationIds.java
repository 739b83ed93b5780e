package org.groupenrollment.notification;

import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;

/**
 * One id per outcome: the kind and the signup. It keys the sent log and makes the
 * Message-ID, so a resent email is recognisably the same message.
 */
final class NotificationIds {

    private NotificationIds() {
    }

    static String of(SeatReserved event) {
        return "seat-reserved." + event.getSignupId();
    }

    static String of(SignupWaitlisted event) {
        return "waitlisted." + event.getSignupId();
    }

    static String of(RedirectedToDbt event) {
        return "redirected-to-dbt." + event.getSignupId();
    }

}
