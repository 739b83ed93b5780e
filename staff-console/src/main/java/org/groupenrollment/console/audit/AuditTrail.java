package org.groupenrollment.console.audit;

/**
 * Where every view of a person's details and every action is recorded. A view is recorded
 * before the details are shown: if the record cannot be written, nothing is shown.
 */
public interface AuditTrail {

    /** Returns once the record is durable. */
    void record(Activity activity) throws AuditUnavailable;

    /** The trail could not be written; what it was to record must not happen. */
    class AuditUnavailable extends RuntimeException {

        public AuditUnavailable(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
