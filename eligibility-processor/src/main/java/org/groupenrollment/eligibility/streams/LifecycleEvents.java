package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.CapacityChanged;
import org.groupenrollment.events.CohortAvailability;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.WaitlistPlaceLeft;

/**
 * Maps what changed in a group's places to the Avro events, with the recipient kept for
 * the place (first name and address only).
 */
final class LifecycleEvents {

    private final EligibilityRules rules;

    private final TherapyGroup group;

    private final Instant at;

    LifecycleEvents(EligibilityRules rules, TherapyGroup group, Instant at) {
        this.rules = rules;
        this.group = group;
        this.at = at;
    }

    SeatConfirmed confirmed(GroupLedger.Seat seat, Recipient recipient) {
        return SeatConfirmed.newBuilder()
            .setSignupId(seat.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setSchedule(OutcomeEvents.schedule(group.cohort(seat.cohortId())))
            .setSeatNumber(seat.seatNumber())
            .setConfirmedAt(at)
            .setRecipient(recipient)
            .build();
    }

    SeatReleased released(GroupLedger.Seat seat, SeatLifecycle.ReleaseReason reason, Recipient recipient) {
        return SeatReleased.newBuilder()
            .setSignupId(seat.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setCohortId(seat.cohortId())
            .setSeatNumber(seat.seatNumber())
            .setReason(ReleaseReason.valueOf(reason.name()))
            .setReleasedAt(at)
            .setRecipient(recipient)
            .build();
    }

    WaitlistPlaceLeft left(GroupLedger.Waiting place, SeatLifecycle.Requester by, Recipient recipient) {
        return WaitlistPlaceLeft.newBuilder()
            .setSignupId(place.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setReason(
                    (by == SeatLifecycle.Requester.PERSON) ? LeaveReason.LEFT_BY_PERSON : LeaveReason.REMOVED_BY_STAFF)
            .setLeftAt(at)
            .setRecipient(recipient)
            .build();
    }

    /** The first in line given a seat that opened. */
    SeatReserved promoted(GroupLedger.Seat seat, GroupLedger ledger, Recipient recipient) {
        Cohort cohort = group.cohort(seat.cohortId());
        return SeatReserved.newBuilder()
            .setSignupId(seat.signupId())
            .setGroupId(group.id())
            .setGroupName(group.name())
            .setSchedule(OutcomeEvents.schedule(cohort))
            .setSeatNumber(seat.seatNumber())
            .setSeatsLeft(ledger.free(cohort))
            .setHoldExpiresAt(seat.holdExpiresAt())
            .setFromWaitlist(true)
            .setReservedAt(at)
            .setRuleVersion(rules.version())
            .setRecipient(recipient)
            .build();
    }

    CapacityChanged capacityChanged(UUID requestId, SeatLifecycle.Change.CapacityChanged change, String staffId) {
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

    GroupAvailability availability(GroupLedger ledger) {
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

}
