package org.groupenrollment.eligibility.streams;

import java.util.Map;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCodecTests {

    @Test
    void aLedgerSurvivesTheRoundTripThroughItsTextForm() {
        GroupLedger ledger = new GroupLedger(Map.of("anxiety-tue", 12, "anxiety-sat", 3), 4);

        String text = LedgerCodec.encode(ledger);

        assertThat(LedgerCodec.decodeLedger(text)).isEqualTo(ledger);
        assertThat(text).startsWith("w=4;");
    }

    @Test
    void aGroupWithNoLedgerYetHasNoSeatsTakenAndNoWaitlist() {
        assertThat(LedgerCodec.decodeLedger(null)).isEqualTo(GroupLedger.EMPTY);
    }

    @Test
    void aCohortIdWithSeparatorsInItSurvivesTheRoundTrip() {
        GroupLedger ledger = new GroupLedger(Map.of("grief=and=loss", 2), 0);
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
        assertThat(LedgerCodec.encode(waitlisted)).isEqualTo("W:5");
    }

}
