package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.Decision;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.CapacityChanged;
import org.groupenrollment.events.CohortAvailability;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectReason;
import org.groupenrollment.events.PersonalDataErased;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.groupenrollment.events.WeeklySchedule;

/**
 * The edge where decisions and changes become the Avro events the processor publishes,
 * all stamped with the moment they were made. Events about a person carry only what their
 * email needs of them (first name and address); availability and place statuses carry
 * nothing personal.
 */
final class AvroEvents {

    private final EligibilityRules rules;

    private final Instant at;

    AvroEvents(EligibilityRules rules, Instant at) {
        this.rules = rules;
        this.at = at;
    }

    SeatReserved seatReserved(UUID signupId, Contact to, Decision.SeatReserved seat) {
        return SeatReserved.newBuilder()
            .setSignupId(signupId)
            .setGroupId(seat.group().id())
            .setGroupName(seat.group().name())
            .setSchedule(schedule(seat.cohort()))
            .setSeatNumber(seat.seatNumber())
            .setSeatsLeft(seat.seatsLeft())
            .setHoldExpiresAt(seat.holdExpiresAt())
            .setFromWaitlist(seat.fromWaitlist())
            .setReservedAt(at)
            .setRuleVersion(rules.version())
            .setRecipient(recipient(to))
            .build();
    }

    SignupWaitlisted waitlisted(UUID signupId, Contact to, Decision.Waitlisted waitlisted) {
        return SignupWaitlisted.newBuilder()
            .setSignupId(signupId)
            .setGroupId(waitlisted.group().id())
            .setGroupName(waitlisted.group().name())
            .setWaitlistPosition(waitlisted.position())
            .setWaitlistedAt(at)
            .setRuleVersion(rules.version())
            .setRecipient(recipient(to))
            .build();
    }

    RedirectedToDbt redirectedToDbt(UUID signupId, Contact to, String groupId, String stateOfResidence,
            Decision.RedirectedToDbt redirect) {
        return RedirectedToDbt.newBuilder()
            .setSignupId(signupId)
            .setRequestedGroupName(rules.group(groupId).map(TherapyGroup::name).orElse(groupId))
            .setRequestedGroupId(groupId)
            .setReason(RedirectReason.valueOf(redirect.reason().name()))
            .setStateOfResidence(stateOfResidence)
            .setLicensedStates(List.copyOf(new TreeSet<>(rules.licensedStates())))
            .setRedirectedAt(at)
            .setRuleVersion(rules.version())
            .setRecipient(recipient(to))
            .build();
    }

    SeatConfirmed confirmed(TherapyGroup group, GroupLedger.Seat seat, Contact to) {
        return SeatConfirmed.newBuilder()
            .setSignupId(seat.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setSchedule(schedule(cohort(group, seat.cohortId())))
            .setSeatNumber(seat.seatNumber())
            .setConfirmedAt(at)
            .setRecipient(recipient(to))
            .build();
    }

    SeatReleased released(TherapyGroup group, GroupLedger.Seat seat, SeatLifecycle.ReleaseReason reason, Contact to) {
        return SeatReleased.newBuilder()
            .setSignupId(seat.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setCohortId(seat.cohortId())
            .setSeatNumber(seat.seatNumber())
            .setReason(ReleaseReason.valueOf(reason.name()))
            .setReleasedAt(at)
            .setRecipient(recipient(to))
            .build();
    }

    WaitlistPlaceLeft left(TherapyGroup group, UUID signupId, SeatLifecycle.Requester by, Contact to) {
        return WaitlistPlaceLeft.newBuilder()
            .setSignupId(signupId)
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setReason(by == SeatLifecycle.Requester.STAFF ? LeaveReason.REMOVED_BY_STAFF : LeaveReason.LEFT_BY_PERSON)
            .setLeftAt(at)
            .setRecipient(recipient(to))
            .build();
    }

    CapacityChanged capacityChanged(TherapyGroup group, SeatLifecycle.Change.CapacityChanged change, UUID requestId,
            String staffId) {
        return CapacityChanged.newBuilder()
            .setRequestId(requestId)
            .setGroupId(group.id())
            .setCohortId(change.cohort().id())
            .setPreviousCapacity(change.previous())
            .setCapacity(change.capacity())
            .setChangedBy(staffId)
            .setChangedAt(at)
            .build();
    }

    GroupAvailability availability(TherapyGroup group, GroupLedger ledger) {
        return GroupAvailability.newBuilder()
            .setGroupId(group.id())
            .setCohorts(group.cohorts()
                .stream()
                .map(cohort -> CohortAvailability.newBuilder()
                    .setCohortId(cohort.id())
                    .setCapacity(ledger.capacity(cohort))
                    .setHeld(ledger.held(cohort))
                    .setConfirmed(ledger.taken(cohort) - ledger.held(cohort))
                    .setFree(ledger.free(cohort))
                    .build())
                .toList())
            .setWaitlistLength(ledger.waitlistLength())
            .setAsOf(at)
            .build();
    }

    PlaceStatus seated(UUID signupId, String groupId, GroupLedger.Seat seat) {
        return place(signupId, groupId, seat.isHeld() ? PlaceState.HELD : PlaceState.CONFIRMED)
            .setCohortId(seat.cohortId())
            .setSeatNumber(seat.seatNumber())
            .setHoldExpiresAt(seat.holdExpiresAt())
            .build();
    }

    PlaceStatus inLine(UUID signupId, String groupId, long ticket) {
        return place(signupId, groupId, PlaceState.WAITLISTED).setWaitlistTicket(ticket).build();
    }

    PlaceStatus ended(UUID signupId, String groupId, PlaceState how) {
        return place(signupId, groupId, how).build();
    }

    /** The record of an erasure: who asked and when, and which signups it erased. */
    PersonalDataErased erased(SeatRequest request, List<UUID> signupIds, boolean keysDestroyed) {
        return PersonalDataErased.newBuilder()
            .setRequestId(request.getRequestId())
            .setSignupId(request.getSignupId())
            .setErasedSignupIds(List.copyOf(signupIds))
            .setKeysDestroyed(keysDestroyed)
            .setRequestedBy(request.getRequestedBy())
            .setStaffId(request.getStaffId())
            .setRequestedAt(request.getRequestedAt())
            .setErasedAt(at)
            .build();
    }

    /** A later signup's status: a copy of its person's place, pointing at it. */
    PlaceStatus sameAs(UUID signupId, PlaceStatus original) {
        return PlaceStatus.newBuilder(original)
            .setSignupId(signupId)
            .setOriginalSignupId(original.getSignupId())
            .build();
    }

    private PlaceStatus.Builder place(UUID signupId, String groupId, PlaceState state) {
        return PlaceStatus.newBuilder().setSignupId(signupId).setGroupId(groupId).setState(state).setChangedAt(at);
    }

    private static Cohort cohort(TherapyGroup group, String cohortId) {
        return group.cohort(cohortId)
            .orElseThrow(() -> new IllegalStateException("Cohort " + cohortId + " left the catalog of " + group.id()));
    }

    private static Recipient recipient(Contact to) {
        return Recipient.newBuilder().setFirstName(to.firstName()).setEmail(to.email()).build();
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
