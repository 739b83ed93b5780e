package org.groupenrollment.console.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What one member of staff saw or did, naming the staff member, the group and the person
 * by id only.
 */
public record Activity(String activityId, String staffId, Kind kind, String groupId, String cohortId, String signupId,
        String requestId, String deadLetter, String detail, Instant occurredAt) {

    public enum Kind {

        UNKNOWN, VIEWED_GROUP_PEOPLE, VIEWED_PLACE, CANCELLED_PLACE, CHANGED_CAPACITY, RESENT_LAST_EMAIL,
        REDROVE_DEAD_LETTER, RESOLVED_DEAD_LETTER, VIEWED_AUDIT_TRAIL, REQUESTED_ERASURE

    }

    public static Builder of(String staffId, Kind kind) {
        return new Builder(staffId, kind);
    }

    /** Activities differ in which ids they carry; this names each one. */
    public static final class Builder {

        private final String staffId;

        private final Kind kind;

        private String groupId;

        private String cohortId;

        private String signupId;

        private String requestId;

        private String deadLetter;

        private String detail;

        private Builder(String staffId, Kind kind) {
            this.staffId = staffId;
            this.kind = kind;
        }

        public Builder group(String groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder cohort(String cohortId) {
            this.cohortId = cohortId;
            return this;
        }

        public Builder signup(String signupId) {
            this.signupId = signupId;
            return this;
        }

        public Builder request(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder deadLetter(String deadLetter) {
            this.deadLetter = deadLetter;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Activity at(Instant occurredAt) {
            return new Activity(UUID.randomUUID().toString(), staffId, kind, groupId, cohortId, signupId, requestId,
                    deadLetter, detail, occurredAt);
        }

    }

}
