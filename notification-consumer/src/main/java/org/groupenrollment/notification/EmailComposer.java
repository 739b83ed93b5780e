package org.groupenrollment.notification;

/**
 * Renders the email for each kind of outcome. Subject lines name no group: an inbox
 * preview or a shared screen must not reveal a condition.
 */
public interface EmailComposer {

    Email seatReserved(Outcome.SeatReserved seat);

    Email waitlisted(Outcome.Waitlisted waitlisted);

    Email redirectedToDbt(Outcome.RedirectedToDbt redirect);

    Email seatConfirmed(Outcome.SeatConfirmed confirmed);

    Email seatReleased(Outcome.SeatReleased released);

    Email waitlistPlaceLeft(Outcome.WaitlistPlaceLeft left);

}
