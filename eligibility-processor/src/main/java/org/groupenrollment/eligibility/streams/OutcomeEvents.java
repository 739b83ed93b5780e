package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.Decision;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectReason;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WeeklySchedule;

/**
 * Maps one signup's decision back to its Avro event, carrying only what the email needs
 * of the applicant (first name and address).
 */
final class OutcomeEvents {

    private final EligibilityRules rules;

    private final SignupSubmitted signup;

    private final Instant decidedAt;

    OutcomeEvents(EligibilityRules rules, SignupSubmitted signup, Instant decidedAt) {
        this.rules = rules;
        this.signup = signup;
        this.decidedAt = decidedAt;
    }

    SeatReserved seatReserved(Decision.SeatReserved seat) {
        return SeatReserved.newBuilder()
            .setSignupId(signup.getSignupId())
            .setGroupId(seat.group().id())
            .setGroupName(seat.group().name())
            .setSchedule(schedule(seat.cohort()))
            .setSeatNumber(seat.seatNumber())
            .setSeatsLeft(seat.seatsLeft())
            .setReservedAt(decidedAt)
            .setRuleVersion(rules.version())
            .setRecipient(recipient())
            .build();
    }

    SignupWaitlisted waitlisted(Decision.Waitlisted waitlisted) {
        return SignupWaitlisted.newBuilder()
            .setSignupId(signup.getSignupId())
            .setGroupId(waitlisted.group().id())
            .setGroupName(waitlisted.group().name())
            .setWaitlistPosition(waitlisted.position())
            .setWaitlistedAt(decidedAt)
            .setRuleVersion(rules.version())
            .setRecipient(recipient())
            .build();
    }

    RedirectedToDbt redirectedToDbt(Decision.RedirectedToDbt redirect) {
        return RedirectedToDbt.newBuilder()
            .setSignupId(signup.getSignupId())
            .setRequestedGroupName(
                    rules.group(signup.getRequestedGroup()).map(TherapyGroup::name).orElse(signup.getRequestedGroup()))
            .setReason(RedirectReason.valueOf(redirect.reason().name()))
            .setStateOfResidence(signup.getStateOfResidence())
            .setLicensedStates(List.copyOf(new TreeSet<>(rules.licensedStates())))
            .setRedirectedAt(decidedAt)
            .setRuleVersion(rules.version())
            .setRecipient(recipient())
            .build();
    }

    private Recipient recipient() {
        return Recipient.newBuilder()
            .setFirstName(signup.getApplicant().getFirstName())
            .setEmail(signup.getApplicant().getEmail())
            .build();
    }

    private static WeeklySchedule schedule(Cohort cohort) {
        return WeeklySchedule.newBuilder()
            .setCohortId(cohort.id())
            .setDayOfWeek(MeetingDay.valueOf(cohort.day().name()))
            .setStartTime(cohort.start())
            .setDurationMinutes((int) cohort.duration().toMinutes())
            .setTimeZone(cohort.timeZone().getId())
            .setFirstSession(cohort.firstSession())
            .build();
    }

}
