package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCodecTests {

    private static final GroupLedger LEDGER = new GroupLedger(
            List.of(new GroupLedger.Seat(UUID.randomUUID(), "a1b2", "anxiety-tue", 1, null),
                    new GroupLedger.Seat(UUID.randomUUID(), "c3d4", "anxiety-tue", 2,
                            Instant.parse("2026-12-10T17:00:00Z"))),
            List.of(new GroupLedger.Waiting(UUID.randomUUID(), "e5f6"),
                    new GroupLedger.Waiting(UUID.randomUUID(), "0789")),
            Map.of("anxiety-sat", 14));

    @Test
    void aLedgerSurvivesTheRoundTripThroughItsTextForm() {
        String text = LedgerCodec.encode(LEDGER);

        assertThat(LedgerCodec.decodeLedger(text)).isEqualTo(LEDGER);
        assertThat(text).startsWith("v2\ns ").doesNotContain("@");
    }

    @Test
    void aGroupWithNoLedgerYetHasNoSeatsTakenAndNoWaitlist() {
        assertThat(LedgerCodec.decodeLedger(null)).isEqualTo(GroupLedger.EMPTY);
        assertThat(LedgerCodec.decodeLedger(LedgerCodec.encode(GroupLedger.EMPTY))).isEqualTo(GroupLedger.EMPTY);
    }

    /**
     * A ledger stored before it knew its holders: its seats and places still count, so
     * nobody is overbooked after the upgrade.
     */
    @Test
    void aLedgerOfCountsFromBeforeKeepsEverySeatAndPlaceTaken() {
        GroupLedger ledger = LedgerCodec.decodeLedger("w=2;anxiety-tue=12;anxiety-sat=3");

        assertThat(ledger.seats()).hasSize(15).allSatisfy(seat -> assertThat(seat.signupId()).isNull());
        assertThat(ledger.seats()).filteredOn(seat -> seat.cohortId().equals("anxiety-sat"))
            .extracting(GroupLedger.Seat::seatNumber)
            .containsExactly(1, 2, 3);
        assertThat(ledger.waitlistLength()).isEqualTo(2);
    }

    @Test
    void aCohortIdWithSeparatorsInItSurvivesTheRoundTrip() {
        GroupLedger ledger = new GroupLedger(
                List.of(new GroupLedger.Seat(UUID.randomUUID(), "k", "grief=and loss:1", 2, null)), List.of(),
                Map.of("grief=and loss:1", 3));
        Standing seated = new Standing.Seated("ocd:tue", 7);

        assertThat(LedgerCodec.decodeLedger(LedgerCodec.encode(ledger))).isEqualTo(ledger);
        assertThat(LedgerCodec.decodeStanding(LedgerCodec.encode(seated))).isEqualTo(seated);
    }

    @Test
    void bothKindsOfStandingSurviveTheRoundTrip() {
        Standing seated = new Standing.Seated("ocd-tue", 2);
        Standing waitlisted = new Standing.Waitlisted(5);

        assertThat(LedgerCodec.decodeStanding(LedgerCodec.encode(seated))).isEqualTo(seated);
        assertThat(LedgerCodec.decodeStanding(LedgerCodec.encode(waitlisted))).isEqualTo(waitlisted);
    }

}
