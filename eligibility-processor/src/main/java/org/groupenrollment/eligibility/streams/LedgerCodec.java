package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;

/**
 * Compact text forms of the ledger's values for the state stores: readable in the
 * changelog topics when staff need to look, and free of personal data (people appear by
 * signup id and keyed hash only).
 */
final class LedgerCodec {

    private static final String VERSION = "v2";

    private static final String NONE = "-";

    private LedgerCodec() {
    }

    /**
     * One line per entry after {@code v2}: {@code s <signup> <person> <seat> <hold until,
     * epoch ms, or -> <cohort>} for a seat, {@code w <signup> <person>} for a place in
     * line (in order), {@code c <capacity> <cohort>} for a capacity staff changed. The
     * cohort id comes last, so that it may hold any character but a line break.
     */
    static String encode(GroupLedger ledger) {
        StringBuilder text = new StringBuilder(VERSION);
        for (GroupLedger.Seat seat : ledger.seats()) {
            text.append("\ns ")
                .append(orNone(seat.signupId()))
                .append(' ')
                .append(orNone(seat.personKey()))
                .append(' ')
                .append(seat.seatNumber())
                .append(' ')
                .append(seat.isHeld() ? Long.toString(seat.holdExpiresAt().toEpochMilli()) : NONE)
                .append(' ')
                .append(seat.cohortId());
        }
        for (GroupLedger.Waiting waiting : ledger.waitlist()) {
            text.append("\nw ").append(orNone(waiting.signupId())).append(' ').append(orNone(waiting.personKey()));
        }
        ledger.capacityChanges()
            .forEach((cohort, capacity) -> text.append("\nc ").append(capacity).append(' ').append(cohort));
        return text.toString();
    }

    static GroupLedger decodeLedger(String text) {
        if (text == null) {
            return GroupLedger.EMPTY;
        }
        if (!text.startsWith(VERSION)) {
            return decodeCounts(text);
        }
        List<GroupLedger.Seat> seats = new ArrayList<>();
        List<GroupLedger.Waiting> waitlist = new ArrayList<>();
        Map<String, Integer> capacities = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(" ", 6);
            switch (fields[0]) {
                case "s" -> seats
                    .add(new GroupLedger.Seat(uuid(fields[1]), text(fields[2]), fields[5], Integer.parseInt(fields[3]),
                            fields[4].equals(NONE) ? null : Instant.ofEpochMilli(Long.parseLong(fields[4]))));
                case "w" -> waitlist.add(new GroupLedger.Waiting(uuid(fields[1]), text(fields[2])));
                case "c" -> capacities.put(line.split(" ", 3)[2], Integer.parseInt(fields[1]));
                default -> {
                    // the version line
                }
            }
        }
        return new GroupLedger(seats, waitlist, capacities);
    }

    /**
     * The first ledgers counted seats and places without their holders
     * ({@code w=<waitlist length>;<cohort>=<seats taken>;...}): they become seats and
     * places of nobody known, which count but no request can release.
     */
    private static GroupLedger decodeCounts(String text) {
        List<GroupLedger.Seat> seats = new ArrayList<>();
        List<GroupLedger.Waiting> waitlist = new ArrayList<>();
        for (String entry : text.split(";")) {
            int eq = entry.lastIndexOf('=');
            String name = entry.substring(0, eq);
            int value = Integer.parseInt(entry.substring(eq + 1));
            for (int i = 1; i <= value; i++) {
                if (name.equals("w")) {
                    waitlist.add(new GroupLedger.Waiting(null, null));
                }
                else {
                    seats.add(new GroupLedger.Seat(null, null, name, i, null));
                }
            }
        }
        return new GroupLedger(seats, waitlist, Map.of());
    }

    private static String orNone(Object value) {
        return (value == null) ? NONE : value.toString();
    }

    private static UUID uuid(String text) {
        return text.equals(NONE) ? null : UUID.fromString(text);
    }

    private static String text(String text) {
        return text.equals(NONE) ? null : text;
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
