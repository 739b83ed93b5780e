package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Standing;
import org.groupenrollment.events.PlaceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCodecTests {

    private static final Instant HOLD_UNTIL = Instant.parse("2026-12-10T17:00:00Z");

    @Test
    void aLedgerWithHoldersHoldsCapacityChangesAndCountersSurvivesTheRoundTrip() {
        GroupLedger ledger = new GroupLedger(
                List.of(new GroupLedger.Seat(UUID.randomUUID(), "anxiety-tue", 1, HOLD_UNTIL),
                        new GroupLedger.Seat(UUID.randomUUID(), "anxiety-tue", 3, null),
                        new GroupLedger.Seat(null, "anxiety-sat", 1, null)),
                Map.of("anxiety-sat", 4), 17, 9);

        String text = LedgerCodec.encode(ledger);

        assertThat(LedgerCodec.decodeLedger(text)).isEqualTo(ledger);
        assertThat(text).startsWith("v2\n").endsWith("\nt 17 9");
        assertThat(LedgerCodec.seatLines(ledger) + LedgerCodec.counterLine(ledger)).isEqualTo(text);
    }

    @Test
    void aGroupWithNoLedgerYetHasNoSeatsTakenAndNoWaitlist() {
        assertThat(LedgerCodec.decodeLedger(null)).isEqualTo(GroupLedger.EMPTY);
    }

    @Test
    void aCohortIdWithSpacesAndSeparatorsInItSurvivesTheRoundTrip() {
        GroupLedger ledger = new GroupLedger(
                List.of(new GroupLedger.Seat(UUID.randomUUID(), "grief = and : loss", 2, null)),
                Map.of("ocd tue;late", 3), 1, 0);

        assertThat(LedgerCodec.decodeLedger(LedgerCodec.encode(ledger))).isEqualTo(ledger);
    }

    @Test
    void aFirstVersionLedgerOfCountsKeepsItsSeatsTakenByNobodyKnownAndStartsANewLine() {
        GroupLedger ledger = LedgerCodec.decodeLedger("w=4;anxiety-tue=2;anxiety-sat=1");

        assertThat(ledger.seats()).containsExactly(new GroupLedger.Seat(null, "anxiety-tue", 1, null),
                new GroupLedger.Seat(null, "anxiety-tue", 2, null), new GroupLedger.Seat(null, "anxiety-sat", 1, null));
        assertThat(ledger.waitlistLength()).isZero();
        assertThat(ledger.nextTicket()).isEqualTo(1);
    }

    @Test
    void firstVersionStandingsAreReadAsThePlacesTheyNamed() {
        assertThat(LedgerCodec.isLegacyStanding("S:ocd-tue:7")).isTrue();
        assertThat(LedgerCodec.decodeLegacyStanding("S:ocd-tue:7")).isEqualTo(new Standing.Seated("ocd-tue", 7, null));
        assertThat(LedgerCodec.decodeLegacyStanding("W:5")).isEqualTo(new Standing.Waitlisted(5, 0));
        assertThat(LedgerCodec.isLegacyStanding(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void everyKindOfSignupEntrySurvivesTheRoundTripWithNamesOfAnyScript() {
        Contact contact = new Contact("Zoë Ó'Brien-Łukasz", "zoe.obrien@example.org");
        List<SignupEntry> entries = List.of(new SignupEntry.Decided(), new SignupEntry.SameAs(UUID.randomUUID()),
                new SignupEntry.Holding("anxiety", "a1b2", contact), new SignupEntry.InLine("ocd", "c3d4", 42, contact),
                new SignupEntry.Ended("ocd", PlaceState.HOLD_EXPIRED));

        assertThat(entries)
            .allSatisfy(entry -> assertThat(LedgerCodec.decodeEntry(LedgerCodec.encode(entry))).isEqualTo(entry));
    }

    @Test
    void anEndedPlaceKeepsNothingPersonal() {
        String text = LedgerCodec.encode(new SignupEntry.Ended("ocd", PlaceState.CANCELLED_BY_PERSON));

        assertThat(text).isEqualTo("E\tocd\tCANCELLED_BY_PERSON");
    }

    @ParameterizedTest
    @ValueSource(strings = { "SeatReserved", "Waitlisted", "RedirectedToDbt" })
    void theFirstVersionsDecisionNamesAreReadAsDecidedWithoutAPlace(String decided) {
        assertThat(LedgerCodec.decodeEntry(decided)).isEqualTo(new SignupEntry.Decided());
    }

}
