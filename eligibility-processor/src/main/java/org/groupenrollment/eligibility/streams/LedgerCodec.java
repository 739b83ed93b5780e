package org.groupenrollment.eligibility.streams;

import java.util.LinkedHashMap;
import java.util.Map;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;

/**
 * Compact text forms of the ledger's values for the state stores: readable in the
 * changelog topics when staff need to look, and free of personal data.
 */
final class LedgerCodec {

    private LedgerCodec() {
    }

    /** {@code w=<waitlist length>;<cohort>=<seats taken>;...} */
    static String encode(GroupLedger ledger) {
        StringBuilder text = new StringBuilder("w=").append(ledger.waitlistLength());
        ledger.seatsTaken().forEach((cohort, taken) -> text.append(';').append(cohort).append('=').append(taken));
        return text.toString();
    }

    static GroupLedger decodeLedger(String text) {
        if (text == null) {
            return GroupLedger.EMPTY;
        }
        int waitlist = 0;
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            int eq = entry.lastIndexOf('=');
            String name = entry.substring(0, eq);
            int value = Integer.parseInt(entry.substring(eq + 1));
            if (name.equals("w")) {
                waitlist = value;
            }
            else {
                taken.put(name, value);
            }
        }
        return new GroupLedger(taken, waitlist);
    }

    /** {@code S:<cohort>:<seat>} or {@code W:<position>} */
    static String encode(Standing standing) {
        if (standing instanceof Standing.Seated seated) {
            return "S:" + seated.cohortId() + ":" + seated.seatNumber();
        }
        return "W:" + ((Standing.Waitlisted) standing).position();
    }

    static Standing decodeStanding(String text) {
        if (text.startsWith("W:")) {
            return new Standing.Waitlisted(Integer.parseInt(text.substring(2)));
        }
        int last = text.lastIndexOf(':');
        return new Standing.Seated(text.substring(2, last), Integer.parseInt(text.substring(last + 1)));
    }

}
