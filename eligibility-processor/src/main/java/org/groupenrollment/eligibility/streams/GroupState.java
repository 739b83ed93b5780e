package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.Decision;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Change;
import org.groupenrollment.eligibility.decision.Standing;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.eligibility.decision.Waiting;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.SeatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's groups as its state stores hold them, shared by the signup decider and the
 * request handler, which run in the same task and so in the same transaction: the
 * ledgers, each person's standing (the signup id of their place, under the keyed hash of
 * their address), each decided signup's entry, and the lines. Every change is saved
 * together with the events that tell it, the places' statuses and the group's
 * availability.
 */
final class GroupState {

    private static final Logger log = LoggerFactory.getLogger(GroupState.class);

    private final ProcessorContext<String, Object> context;

    private final RecordTracing tracing;

    private final PersonalData personalData;

    private final EligibilityRules rules;

    private final KeyValueStore<String, byte[]> ledgers;

    private final LedgerMemo ledgerMemo;

    private final KeyValueStore<String, String> standings;

    private final KeyValueStore<String, String> signups;

    private final KeyValueStore<String, String> lines;

    private final KeyValueStore<String, String> aliases;

    GroupState(ProcessorContext<String, Object> context, EligibilityRules rules, RecordTracing tracing,
            PersonalData personalData) {
        this.personalData = personalData;
        this.tracing = tracing;
        this.context = context;
        this.rules = rules;
        this.ledgers = context.getStateStore(EligibilityTopology.LEDGER_STORE);
        this.ledgerMemo = new LedgerMemo(ledgers);
        this.standings = context.getStateStore(EligibilityTopology.STANDING_STORE);
        this.signups = context.getStateStore(EligibilityTopology.SIGNUP_STORE);
        this.lines = context.getStateStore(EligibilityTopology.WAITLIST_STORE);
        this.aliases = context.getStateStore(EligibilityTopology.ALIAS_STORE);
    }

    Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    GroupLedger ledger(String groupId) {
        return ledgerMemo.get(groupId);
    }

    /** The groups this task holds a ledger for. */
    KeyValueIterator<String, byte[]> allLedgers() {
        return ledgers.all();
    }

    Optional<SignupEntry> entry(UUID signupId) {
        return Optional.ofNullable(signups.get(signupId.toString())).map(LedgerCodec::decodeEntry);
    }

    /** The front of a group's line; close it when done. */
    WaitingLine line(String groupId) {
        return new WaitingLine(lines, groupId);
    }

    /**
     * Where the person stands in the group, looked up under each of their keys (the
     * current secret's first), with the signup id of their place when it has one.
     */
    Optional<Existing> standing(String groupId, Iterable<String> personKeys, GroupLedger ledger) {
        for (String personKey : personKeys) {
            String value = standings.get(standingKey(groupId, personKey));
            if (value != null) {
                return existing(groupId, value, ledger);
            }
        }
        return Optional.empty();
    }

    private Optional<Existing> existing(String groupId, String value, GroupLedger ledger) {
        if (LedgerCodec.isLegacyStanding(value)) {
            return Optional.of(new Existing(LedgerCodec.decodeLegacyStanding(value), null));
        }
        UUID placeId = UUID.fromString(value);
        Optional<GroupLedger.Seat> seat = ledger.seatOf(placeId);
        if (seat.isPresent()) {
            return Optional.of(new Existing(
                    new Standing.Seated(seat.get().cohortId(), seat.get().seatNumber(), seat.get().holdExpiresAt()),
                    placeId));
        }
        if (entry(placeId).orElse(null) instanceof SignupEntry.InLine inLine) {
            return Optional.of(new Existing(
                    new Standing.Waitlisted(WaitingLine.position(lines, groupId, inLine.ticket()), inLine.ticket()),
                    placeId));
        }
        // Never written so; rather than stop the group's partition on it, the person is
        // decided afresh.
        log.error("The standing in group {} points at signup {}, which holds no place there", groupId, placeId);
        return Optional.empty();
    }

    /**
     * A person's standing, and the signup whose place it is (null for the first
     * version's).
     */
    record Existing(Standing standing, UUID placeId) {
    }

    /** A signup given a place of its own: a seat, or the end of the line. */
    void placeGiven(TherapyGroup group, UUID signupId, String personKey, Contact contact, Decision decision,
            GroupLedger ledger, long timestamp) {
        standings.put(standingKey(group.id(), personKey), signupId.toString());
        AvroEvents events = new AvroEvents(rules, now());
        if (decision instanceof Decision.Waitlisted waitlisted) {
            lines.put(WaitingLine.key(group.id(), waitlisted.ticket()), signupId.toString());
            remember(signupId, new SignupEntry.InLine(group.id(), personKey, waitlisted.ticket(), contact));
            forward(signupId, events.inLine(signupId, group.id(), waitlisted.ticket()), timestamp,
                    EligibilityTopology.PLACES);
        }
        else {
            remember(signupId, new SignupEntry.Holding(group.id(), personKey, contact));
            forward(signupId, events.seated(signupId, group.id(), ledger.seatOf(signupId).orElseThrow()), timestamp,
                    EligibilityTopology.PLACES);
        }
        save(group, ledger, timestamp);
    }

    /**
     * A later signup of someone who stands in the group: it is decided, and its status
     * follows their place.
     */
    void restated(String groupId, UUID signupId, Existing existing, GroupLedger ledger, long timestamp) {
        if (existing.placeId() == null) {
            remember(signupId, new SignupEntry.Decided());
            return;
        }
        remember(signupId, new SignupEntry.SameAs(existing.placeId()));
        aliases.put(aliasKey(existing.placeId(), signupId), "");
        AvroEvents events = new AvroEvents(rules, now());
        forward(signupId, events.sameAs(signupId, status(groupId, existing, ledger)), timestamp,
                EligibilityTopology.PLACES);
    }

    /** Whether the signup's person was erased. */
    boolean wasErased(UUID signupId) {
        return entry(signupId).filter(GroupState::isErased).isPresent();
    }

    /**
     * Destroys again the keys of a signup whose person was erased: a copy written since
     * (a retry) was encrypted under a key made anew.
     */
    void eraseAgain(UUID signupId) {
        personalData.erase(List.of(signupId));
    }

    void decidedWithoutPlace(UUID signupId) {
        remember(signupId, new SignupEntry.Decided());
    }

    private PlaceStatus status(String groupId, Existing existing, GroupLedger ledger) {
        AvroEvents events = new AvroEvents(rules, now());
        if (existing.standing() instanceof Standing.Waitlisted waitlisted) {
            return events.inLine(existing.placeId(), groupId, waitlisted.ticket());
        }
        return events.seated(existing.placeId(), groupId, ledger.seatOf(existing.placeId()).orElseThrow());
    }

    /**
     * Saves the ledger after a request or an expiry and publishes what changed: each
     * person's event (with their contact, kept until now), their place's status, and the
     * group's availability.
     */
    void apply(TherapyGroup group, SeatLifecycle.Result result, long timestamp, SeatRequest request) {
        if (result.changes().isEmpty()) {
            return;
        }
        AvroEvents events = new AvroEvents(rules, now());
        for (Change change : result.changes()) {
            if (change instanceof Change.Confirmed confirmed) {
                GroupLedger.Seat seat = confirmed.seat();
                contact(entry(seat.signupId()), seat.signupId()).ifPresent(to -> forward(seat.signupId(),
                        events.confirmed(group, seat, to), timestamp, EligibilityTopology.SEATS_CONFIRMED));
                forward(seat.signupId(), events.seated(seat.signupId(), group.id(), seat), timestamp,
                        EligibilityTopology.PLACES);
            }
            else if (change instanceof Change.Released released
                    && released.reason() == SeatLifecycle.ReleaseReason.ERASED) {
                ended(group.id(), released.seat().signupId(), PlaceState.ERASED, events, timestamp);
            }
            else if (change instanceof Change.Released released) {
                GroupLedger.Seat seat = released.seat();
                ended(group.id(), seat.signupId(), PlaceState.valueOf(released.reason().name()), events, timestamp)
                    .ifPresent(to -> forward(seat.signupId(), events.released(group, seat, released.reason(), to),
                            timestamp, EligibilityTopology.SEATS_RELEASED));
            }
            else if (change instanceof Change.ErasedFromLine erased) {
                lines.delete(WaitingLine.key(group.id(), erased.place().ticket()));
                ended(group.id(), erased.place().signupId(), PlaceState.ERASED, events, timestamp);
            }
            else if (change instanceof Change.Forgotten forgotten) {
                forget(group.id(), forgotten.placeId(), request, events, timestamp);
            }
            else if (change instanceof Change.LeftWaitlist left) {
                Waiting place = left.place();
                lines.delete(WaitingLine.key(group.id(), place.ticket()));
                ended(group.id(), place.signupId(),
                        left.by() == SeatLifecycle.Requester.STAFF ? PlaceState.REMOVED_FROM_WAITLIST
                                : PlaceState.LEFT_WAITLIST,
                        events, timestamp)
                    .ifPresent(to -> forward(place.signupId(), events.left(group, place.signupId(), left.by(), to),
                            timestamp, EligibilityTopology.WAITLIST_PLACES_LEFT));
            }
            else if (change instanceof Change.Promoted promoted) {
                promoted(group, promoted, result.ledger(), events, timestamp);
            }
            else if (change instanceof Change.CapacityChanged capacity) {
                forward(group.id(),
                        events.capacityChanged(group, capacity, request.getRequestId(), request.getStaffId()),
                        timestamp, EligibilityTopology.CAPACITY_CHANGED);
            }
        }
        save(group, result.ledger(), timestamp);
    }

    /**
     * The first in line takes the seat: out of the line, holding it with the same
     * standing, and told so.
     */
    private void promoted(TherapyGroup group, Change.Promoted promoted, GroupLedger ledger, AvroEvents events,
            long timestamp) {
        UUID signupId = promoted.from().signupId();
        GroupLedger.Seat seat = promoted.seat();
        lines.delete(WaitingLine.key(group.id(), promoted.from().ticket()));
        Optional<SignupEntry> entry = entry(signupId);
        if (entry.isEmpty() || !(entry.get() instanceof SignupEntry.InLine inLine)) {
            log.error("Signup {} was in line for group {} without an entry; its seat is given, but not emailed",
                    signupId, group.id());
            return;
        }
        remember(signupId, new SignupEntry.Holding(group.id(), inLine.personKey(), inLine.contact()));
        Cohort cohort = group.cohort(seat.cohortId()).orElseThrow();
        forward(signupId,
                events.seatReserved(signupId, inLine.contact(), new Decision.SeatReserved(group, cohort,
                        seat.seatNumber(), ledger.free(cohort), seat.holdExpiresAt(), true)),
                timestamp, EligibilityTopology.SEAT_RESERVED);
        forward(signupId, events.seated(signupId, group.id(), seat), timestamp, EligibilityTopology.PLACES);
    }

    /**
     * A place ended: the person may sign up again, and nothing personal is kept. Returns
     * how to tell them so, read before it is dropped.
     */
    private Optional<Contact> ended(String groupId, UUID signupId, PlaceState how, AvroEvents events, long timestamp) {
        Optional<SignupEntry> entry = entry(signupId);
        entry.filter(SignupEntry.Lasting.class::isInstance)
            .map(lasting -> ((SignupEntry.Lasting) lasting).personKey())
            .ifPresent(personKey -> standings.delete(standingKey(groupId, personKey)));
        remember(signupId, new SignupEntry.Ended(groupId, how));
        forward(signupId, events.ended(signupId, groupId, how), timestamp, EligibilityTopology.PLACES);
        return contact(entry, signupId);
    }

    /**
     * Forgets a place's person: the place reads as erased (its status published, once),
     * the signups that found it are forgotten with it, every one of their data keys is
     * destroyed, and the erasure is recorded. Nothing of theirs is left in these stores:
     * their entries hold no contact once ended, and their standing went with the place.
     */
    private void forget(String groupId, UUID placeId, SeatRequest request, AvroEvents events, long timestamp) {
        List<UUID> erased = new ArrayList<>(List.of(placeId));
        try (KeyValueIterator<String, String> found = aliases.prefixScan(aliasKey(placeId, ""),
                new StringSerializer())) {
            found.forEachRemaining(alias -> erased.add(aliasOf(alias.key)));
        }
        erased.stream().skip(1).forEach(alias -> aliases.delete(aliasKey(placeId, alias)));
        if (!erased.contains(request.getSignupId())) {
            erased.add(request.getSignupId());
        }
        if (entry(placeId).filter(found -> endsHereUnerased(found, groupId)).isPresent()) {
            ended(groupId, placeId, PlaceState.ERASED, events, timestamp);
        }
        // Remembered as erased, each: a copy of one of these signups arriving later (a
        // client's retry) has whatever key it was written under destroyed too. A later
        // signup that showed its person's place shows the erasure now.
        for (UUID signupId : erased) {
            SignupEntry found = entry(signupId).orElse(null);
            if (!isErased(found)) {
                boolean showedThePlace = found instanceof SignupEntry.SameAs;
                remember(signupId, new SignupEntry.Ended(groupId, PlaceState.ERASED));
                if (showedThePlace) {
                    forward(signupId, events.ended(signupId, groupId, PlaceState.ERASED), timestamp,
                            EligibilityTopology.PLACES);
                }
            }
        }
        boolean keysDestroyed = personalData.erase(erased);
        forward(request.getSignupId(), events.erased(request, erased, keysDestroyed), timestamp,
                EligibilityTopology.ERASURES);
        log.info("Erased signup {} and {} more of its person in group {}; data keys destroyed: {}",
                request.getSignupId(), erased.size() - 1, groupId, keysDestroyed);
    }

    /** Saves the ledger and publishes the group's availability with it. */
    void save(TherapyGroup group, GroupLedger ledger, long timestamp) {
        ledgerMemo.put(group.id(), ledger);
        publishAvailability(group, ledger, timestamp);
    }

    void publishAvailability(TherapyGroup group, GroupLedger ledger, long timestamp) {
        context.forward(new Record<>(group.id(), new AvroEvents(rules, now()).availability(group, ledger), timestamp,
                tracing.outgoing()), EligibilityTopology.GROUP_AVAILABILITY);
    }

    private static Optional<Contact> contact(Optional<SignupEntry> entry, UUID signupId) {
        Optional<Contact> contact = entry.filter(SignupEntry.Lasting.class::isInstance)
            .map(lasting -> ((SignupEntry.Lasting) lasting).contact());
        if (contact.isEmpty()) {
            log.warn("No contact kept for signup {}: its change is applied but not emailed", signupId);
        }
        return contact;
    }

    private void remember(UUID signupId, SignupEntry entry) {
        signups.put(signupId.toString(), LedgerCodec.encode(personalData.sealed(signupId, entry)));
    }

    private void forward(UUID signupId, Object event, long timestamp, String sink) {
        forward(signupId.toString(), event, timestamp, sink);
    }

    private void forward(String key, Object event, long timestamp, String sink) {
        context.forward(new Record<>(key, event, timestamp, tracing.outgoing()), sink);
    }

    private static boolean isErased(SignupEntry entry) {
        return entry instanceof SignupEntry.Ended ended && ended.how() == PlaceState.ERASED;
    }

    /**
     * Whether an erasure in {@code groupId} is to end this entry's place: one of this
     * group, not erased already (a signup without a place has none to end).
     */
    private static boolean endsHereUnerased(SignupEntry entry, String groupId) {
        if (entry instanceof SignupEntry.Holding holding) {
            return holding.groupId().equals(groupId);
        }
        if (entry instanceof SignupEntry.InLine inLine) {
            return inLine.groupId().equals(groupId);
        }
        return entry instanceof SignupEntry.Ended ended && ended.groupId().equals(groupId) && !isErased(ended);
    }

    /** Under its place's id, so that the signups that found a place are found with it. */
    private static String aliasKey(UUID placeId, Object alias) {
        return placeId + "|" + alias;
    }

    private static UUID aliasOf(String aliasKey) {
        return UUID.fromString(aliasKey.substring(aliasKey.indexOf('|') + 1));
    }

    private static String standingKey(String groupId, String personKey) {
        return groupId + "|" + personKey;
    }

}
