package org.groupenrollment.eligibility.streams;

import java.time.Clock;
import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.HmacKeys;

/**
 * signups (keyed by group) -> decide, and seat requests (keyed by group, co-partitioned)
 * -> apply, both on one task's stores (ledgers, standings, contacts, decided signups and
 * applied requests), so that each group has a single writer -> one sink per kind of
 * outcome and lifecycle event (keyed by signup id), the group's availability (keyed by
 * group), or a dead-letter sink. Each processor names the sink of each record it
 * forwards, so no node downstream has to find out what it was given.
 */
public final class EligibilityTopology {

    static final String SIGNUPS = "signups";

    static final String DECIDE = "decide";

    static final String SEAT_RESERVED = "seat-reserved";

    static final String WAITLISTED = "waitlisted";

    static final String REDIRECTED_TO_DBT = "redirected-to-dbt";

    static final String DEAD_LETTER = "dead-letter";

    static final String SEAT_REQUESTS = "seat-requests";

    static final String APPLY = "apply-seat-requests";

    static final String SEATS_CONFIRMED = "seats-confirmed";

    static final String SEATS_RELEASED = "seats-released";

    static final String WAITLIST_LEFT = "waitlist-places-left";

    static final String CAPACITY_CHANGED = "capacities-changed";

    static final String GROUP_AVAILABILITY = "group-availability";

    static final String SEAT_REQUESTS_DEAD_LETTER = "seat-requests-dead-letter";

    static final String LEDGER_STORE = "group-ledgers";

    static final String STANDING_STORE = "person-standings";

    /**
     * Signups decided and requests applied, each by id, so a redelivered copy is a no-op.
     */
    static final String DECIDED_STORE = "decided-signups";

    static final String CONTACT_STORE = "place-contacts";

    private EligibilityTopology() {
    }

    public static Topology addTo(Topology topology, EnrollmentTopics topics, EligibilityPolicy policy,
            EventSerdes serdes, HmacKeys hmacKeys, Clock clock, Duration expiryCheck) {
        StringSerializer keys = new StringSerializer();
        Serializer<SpecificRecord> events = serdes.outcomes();
        topology.addSource(SIGNUPS, new StringDeserializer(), new ByteArrayDeserializer(), topics.signupsSubmitted())
            .addSource(SEAT_REQUESTS, new StringDeserializer(), new ByteArrayDeserializer(), topics.seatRequests())
            .addProcessor(DECIDE, () -> new SignupDecider(policy, serdes.signups(), new PersonKeys(hmacKeys), clock),
                    SIGNUPS)
            .addProcessor(APPLY, () -> new SeatRequestHandler(policy.rules(), serdes.seatRequests(), expiryCheck),
                    SEAT_REQUESTS)
            .addSink(SEAT_RESERVED, topics.seatsReserved(), keys, events, DECIDE, APPLY)
            .addSink(WAITLISTED, topics.signupsWaitlisted(), keys, events, DECIDE)
            .addSink(REDIRECTED_TO_DBT, topics.redirectedToDbt(), keys, events, DECIDE)
            .addSink(SEATS_CONFIRMED, topics.seatsConfirmed(), keys, events, APPLY)
            .addSink(SEATS_RELEASED, topics.seatsReleased(), keys, events, APPLY)
            .addSink(WAITLIST_LEFT, topics.waitlistPlacesLeft(), keys, events, APPLY)
            .addSink(CAPACITY_CHANGED, topics.capacitiesChanged(), keys, events, APPLY)
            .addSink(GROUP_AVAILABILITY, topics.groupAvailability(), keys, events, DECIDE, APPLY)
            .addSink(DEAD_LETTER, topics.signupsDeadLetter(), keys, new ByteArraySerializer(), DECIDE)
            .addSink(SEAT_REQUESTS_DEAD_LETTER, topics.seatRequestsDeadLetter(), keys, new ByteArraySerializer(),
                    APPLY);
        for (String store : new String[] { LEDGER_STORE, STANDING_STORE, DECIDED_STORE, CONTACT_STORE }) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.String()), DECIDE, APPLY);
        }
        return topology;
    }

}
