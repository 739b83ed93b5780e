package org.groupenrollment.eligibility.streams;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Change;
import org.groupenrollment.eligibility.decision.Standing;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's view of its groups' state stores, shared by the signup decider and the request
 * handler: the ledgers, each person's standing, and how to email each person who holds a
 * place (kept by signup id, apart from the ledger, and removed when the place ends, so
 * that erasure has one place to look). Every ledger change is saved with the group's
 * availability and the events of what changed, all in the task's transaction.
 */
final class GroupState {

    private static final Logger log = LoggerFactory.getLogger(GroupState.class);

    private final ProcessorContext<String, Object> context;

    private final EligibilityRules rules;

    private final KeyValueStore<String, String> ledgers;

    private final KeyValueStore<String, String> standings;

    private final KeyValueStore<String, String> contacts;

    GroupState(ProcessorContext<String, Object> context, EligibilityRules rules) {
        this.context = context;
        this.rules = rules;
        this.ledgers = context.getStateStore(EligibilityTopology.LEDGER_STORE);
        this.standings = context.getStateStore(EligibilityTopology.STANDING_STORE);
        this.contacts = context.getStateStore(EligibilityTopology.CONTACT_STORE);
    }

    GroupLedger ledger(String groupId) {
        return LedgerCodec.decodeLedger(ledgers.get(groupId));
    }

    KeyValueStore<String, String> ledgers() {
        return ledgers;
    }

    Optional<Standing> standing(String groupId, String personKey) {
        return Optional.ofNullable(standings.get(standingKey(groupId, personKey))).map(LedgerCodec::decodeStanding);
    }

    /** A person given a place: their standing, and how to reach them while it lasts. */
    void placeGiven(String groupId, String personKey, Standing standing, UUID signupId, Recipient recipient) {
        standings.put(standingKey(groupId, personKey), LedgerCodec.encode(standing));
        contacts.put(signupId.toString(), LedgerCodec.encode(recipient));
    }

    void save(TherapyGroup group, GroupLedger ledger, Instant at, long timestamp) {
        ledgers.put(group.id(), LedgerCodec.encode(ledger));
        forward(group.id(), new LifecycleEvents(rules, group, at).availability(ledger), timestamp,
                EligibilityTopology.GROUP_AVAILABILITY);
    }

    /** Saves the ledger after a request or an expiry and publishes what changed. */
    void apply(TherapyGroup group, SeatLifecycle.Result result, Instant at, long timestamp, UUID requestId,
            String staffId) {
        if (result.changes().isEmpty()) {
            return;
        }
        save(group, result.ledger(), at, timestamp);
        LifecycleEvents events = new LifecycleEvents(rules, group, at);
        for (Change change : result.changes()) {
            if (change instanceof Change.Confirmed confirmed) {
                recipient(confirmed.seat().signupId()).ifPresent(to -> forward(key(confirmed.seat().signupId()),
                        events.confirmed(confirmed.seat(), to), timestamp, EligibilityTopology.SEATS_CONFIRMED));
            }
            else if (change instanceof Change.Released released) {
                GroupLedger.Seat seat = released.seat();
                recipient(seat.signupId()).ifPresent(to -> forward(key(seat.signupId()),
                        events.released(seat, released.reason(), to), timestamp, EligibilityTopology.SEATS_RELEASED));
                placeEnded(group.id(), seat.personKey(), seat.signupId());
            }
            else if (change instanceof Change.LeftWaitlist left) {
                GroupLedger.Waiting place = left.place();
                recipient(place.signupId()).ifPresent(to -> forward(key(place.signupId()),
                        events.left(place, left.by(), to), timestamp, EligibilityTopology.WAITLIST_LEFT));
                placeEnded(group.id(), place.personKey(), place.signupId());
            }
            else if (change instanceof Change.Promoted promoted) {
                GroupLedger.Seat seat = promoted.seat();
                standings.put(standingKey(group.id(), seat.personKey()),
                        LedgerCodec.encode(new Standing.Seated(seat.cohortId(), seat.seatNumber())));
                recipient(seat.signupId()).ifPresent(to -> forward(key(seat.signupId()),
                        events.promoted(seat, result.ledger(), to), timestamp, EligibilityTopology.SEAT_RESERVED));
            }
            else if (change instanceof Change.CapacityChanged capacity) {
                forward(group.id(), events.capacityChanged(requestId, capacity, staffId), timestamp,
                        EligibilityTopology.CAPACITY_CHANGED);
            }
        }
    }

    private void placeEnded(String groupId, String personKey, UUID signupId) {
        if (personKey != null) {
            standings.delete(standingKey(groupId, personKey));
        }
        contacts.delete(signupId.toString());
    }

    private Optional<Recipient> recipient(UUID signupId) {
        Optional<Recipient> recipient = Optional.ofNullable(contacts.get(signupId.toString()))
            .map(LedgerCodec::decodeRecipient);
        if (recipient.isEmpty()) {
            log.warn("No contact kept for signup {}: its change is applied but not emailed", signupId);
        }
        return recipient;
    }

    private void forward(String key, Object event, long timestamp, String sink) {
        context.forward(new Record<>(key, event, timestamp), sink);
    }

    private static String key(UUID signupId) {
        return signupId.toString();
    }

    static String standingKey(String groupId, String personKey) {
        return groupId + "|" + personKey;
    }

}
