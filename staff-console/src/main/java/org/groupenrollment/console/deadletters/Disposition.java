package org.groupenrollment.console.deadletters;

import java.time.Instant;

/** What staff did with a dead letter, as the audit trail recorded it. */
public record Disposition(String deadLetterId, Kind kind, String staffId, Instant at) {

    public enum Kind {

        REDRIVEN, RESOLVED

    }

}
