package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;
import org.groupenrollment.events.PlaceState;

/**
 * Compact text forms of the state stores' values: readable in the changelog topics when
 * staff need to look. Ledgers and standings name people by signup id and keyed hash only;
 * a signup's entry holds its contact while its place lasts. Values written by the first
 * version (counts, seat and position standings, decision names) are still read.
 */
final class LedgerCodec {

    private static final String VERSION = "v2";

    private static final String NONE = "-";

    private static final char TAB = '\t';

    private LedgerCodec() {
    }

    /**
     * One line per entry after {@code v2}: {@code s <seat> <hold until, epoch ms, or ->
     * <signup id or -> <cohort>} per seat, {@code c <capacity> <cohort>} per capacity
     * staff changed, and last {@code t <next ticket> <waitlist length>}, the line that
     * most changes change alone. The cohort id ends its line, so that it may hold any
     * character but a line break.
     */
    static String encode(GroupLedger ledger) {
        return seatLines(ledger) + counterLine(ledger);
    }

    /** Everything but the waitlist's counters. */
    static String seatLines(GroupLedger ledger) {
        StringBuilder text = new StringBuilder(32 + 64 * ledger.seats().size()).append(VERSION);
        for (GroupLedger.Seat seat : ledger.seats()) {
            text.append("\ns ")
                .append(seat.seatNumber())
                .append(' ')
                .append(seat.isHeld() ? Long.toString(seat.holdExpiresAt().toEpochMilli()) : NONE)
                .append(' ')
                .append(seat.signupId() == null ? NONE : seat.signupId().toString())
                .append(' ')
                .append(seat.cohortId());
        }
        ledger.capacityChanges()
            .forEach((cohort, capacity) -> text.append("\nc ").append(capacity).append(' ').append(cohort));
        return text.toString();
    }

    static String counterLine(GroupLedger ledger) {
        return "\nt " + ledger.nextTicket() + ' ' + ledger.waitlistLength();
    }

    static GroupLedger decodeLedger(String text) {
        if (text == null) {
            return GroupLedger.EMPTY;
        }
        if (!text.startsWith(VERSION)) {
            return decodeCounts(text);
        }
        List<GroupLedger.Seat> seats = new ArrayList<>();
        Map<String, Integer> capacities = new LinkedHashMap<>();
        long nextTicket = 1;
        int waitlistLength = 0;
        for (String line : text.split("\n")) {
            String[] fields = line.split(" ", 5);
            switch (fields[0]) {
                case "t" -> {
                    nextTicket = Long.parseLong(fields[1]);
                    waitlistLength = Integer.parseInt(fields[2]);
                }
                case "s" -> seats.add(new GroupLedger.Seat(fields[3].equals(NONE) ? null : UUID.fromString(fields[3]),
                        fields[4], Integer.parseInt(fields[1]),
                        fields[2].equals(NONE) ? null : Instant.ofEpochMilli(Long.parseLong(fields[2]))));
                case "c" -> capacities.put(line.split(" ", 3)[2], Integer.parseInt(fields[1]));
                default -> {
                    // the version line
                }
            }
        }
        return new GroupLedger(seats, capacities, nextTicket, waitlistLength);
    }

    /**
     * The first ledgers counted seats and places
     * ({@code w=<waitlist length>;<cohort>=<seats
     * taken>;...}) without knowing whose: their seats count as held for good by nobody
     * known, and their waitlist, which no one can be promoted from, is not carried over.
     */
    private static GroupLedger decodeCounts(String text) {
        List<GroupLedger.Seat> seats = new ArrayList<>();
        for (String entry : text.split(";")) {
            int eq = entry.lastIndexOf('=');
            String name = entry.substring(0, eq);
            if (!name.equals("w")) {
                for (int seat = 1; seat <= Integer.parseInt(entry.substring(eq + 1)); seat++) {
                    seats.add(new GroupLedger.Seat(null, name, seat, null));
                }
            }
        }
        return new GroupLedger(seats, Map.of(), 1, 0);
    }

    /**
     * A standing is the signup id of the person's place. The first version stored the
     * place itself ({@code S:<cohort>:<seat>} or {@code W:<position>}): those are read as
     * places nobody can change.
     */
    static Standing decodeLegacyStanding(String text) {
        if (text.startsWith("W:")) {
            return new Standing.Waitlisted(Integer.parseInt(text.substring(2)), 0);
        }
        int last = text.lastIndexOf(':');
        return new Standing.Seated(text.substring(2, last), Integer.parseInt(text.substring(last + 1)), null);
    }

    static boolean isLegacyStanding(String text) {
        return text.startsWith("S:") || text.startsWith("W:");
    }

    /**
     * {@code R} (no place), {@code A <original>}, {@code S <group> <person> <first name>
     * <email>}, {@code W <group> <person> <ticket> <first name> <email>},
     * {@code E <group>
     * <how>}, tab-separated: names hold spaces but never a tab.
     */
    static String encode(SignupEntry entry) {
        if (entry instanceof SignupEntry.SameAs sameAs) {
            return "A" + TAB + sameAs.original();
        }
        if (entry instanceof SignupEntry.Holding holding) {
            return String.join(String.valueOf(TAB), "S", holding.groupId(), holding.personKey(),
                    holding.contact().firstName(), holding.contact().email());
        }
        if (entry instanceof SignupEntry.InLine inLine) {
            return String.join(String.valueOf(TAB), "W", inLine.groupId(), inLine.personKey(),
                    Long.toString(inLine.ticket()), inLine.contact().firstName(), inLine.contact().email());
        }
        if (entry instanceof SignupEntry.Ended ended) {
            return String.join(String.valueOf(TAB), "E", ended.groupId(), ended.how().name());
        }
        return "R";
    }

    static SignupEntry decodeEntry(String text) {
        String[] fields = text.split(String.valueOf(TAB));
        return switch (fields[0]) {
            case "A" -> new SignupEntry.SameAs(UUID.fromString(fields[1]));
            case "S" -> new SignupEntry.Holding(fields[1], fields[2], new Contact(fields[3], fields[4]));
            case "W" -> new SignupEntry.InLine(fields[1], fields[2], Long.parseLong(fields[3]),
                    new Contact(fields[4], fields[5]));
            case "E" -> new SignupEntry.Ended(fields[1], PlaceState.valueOf(fields[2]));
            // "R", and the first version's decision names
            default -> new SignupEntry.Decided();
        };
    }

}
