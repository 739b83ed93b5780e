package org.groupenrollment.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Requests as the "your place" page and the staff console send them: keyed by group, each
 * with a fresh request id.
 */
public final class SeatRequests {

    static {
        // Copying a request (redeliveryOf) instantiates generated classes, which Avro
        // 1.12
        // must be told to trust.
        EventPackage.trust();
    }

    private SeatRequests() {
    }

    public static SeatRequest personConfirms(String groupId, UUID signupId) {
        return about(groupId, signupId, SeatAction.CONFIRM, Requester.PERSON).build();
    }

    public static SeatRequest personCancels(String groupId, UUID signupId) {
        return about(groupId, signupId, SeatAction.CANCEL, Requester.PERSON).build();
    }

    public static SeatRequest personLeavesTheWaitlist(String groupId, UUID signupId) {
        return about(groupId, signupId, SeatAction.LEAVE_WAITLIST, Requester.PERSON).build();
    }

    public static SeatRequest staffCancels(String groupId, UUID signupId, String staffId) {
        return about(groupId, signupId, SeatAction.CANCEL, Requester.STAFF).setStaffId(staffId).build();
    }

    public static SeatRequest personErases(String groupId, UUID signupId) {
        return about(groupId, signupId, SeatAction.ERASE, Requester.PERSON).build();
    }

    public static SeatRequest staffErases(String groupId, UUID signupId, String staffId) {
        return about(groupId, signupId, SeatAction.ERASE, Requester.STAFF).setStaffId(staffId).build();
    }

    public static SeatRequest staffSetsCapacity(String groupId, String cohortId, int capacity, String staffId) {
        return SeatRequest.newBuilder()
            .setRequestId(UUID.randomUUID())
            .setGroupId(groupId)
            .setAction(SeatAction.CHANGE_CAPACITY)
            .setCohortId(cohortId)
            .setCapacity(capacity)
            .setRequestedBy(Requester.STAFF)
            .setStaffId(staffId)
            .setRequestedAt(now())
            .build();
    }

    /** The same request (same id) delivered again. */
    public static SeatRequest redeliveryOf(SeatRequest request) {
        return SeatRequest.newBuilder(request).build();
    }

    private static SeatRequest.Builder about(String groupId, UUID signupId, SeatAction action, Requester by) {
        return SeatRequest.newBuilder()
            .setRequestId(UUID.randomUUID())
            .setGroupId(groupId)
            .setAction(action)
            .setSignupId(signupId)
            .setRequestedBy(by)
            .setRequestedAt(now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

}
