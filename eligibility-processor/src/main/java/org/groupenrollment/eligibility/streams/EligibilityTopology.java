package org.groupenrollment.eligibility.streams;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.contact.PersonKeys;

/**
 * signups and seat requests (both keyed by group, co-partitioned) -> decide, or apply the
 * request (one set of stores: ledgers, standings, signups, lines, applied requests) ->
 * one sink per kind of event, or a dead-letter sink. Both processors of a group run in
 * the task that owns its partition, so the group has a single writer. Each processor
 * names the sink of every record it forwards, so no node downstream has to find out what
 * it was given.
 */
public final class EligibilityTopology {

    static final String SIGNUPS = "signups";

    static final String SEAT_REQUESTS = "seat-requests";

    static final String DECIDE = "decide";

    static final String APPLY = "apply";

    static final String SEAT_RESERVED = "seat-reserved";

    static final String WAITLISTED = "waitlisted";

    static final String REDIRECTED_TO_DBT = "redirected-to-dbt";

    static final String SEATS_CONFIRMED = "seats-confirmed";

    static final String SEATS_RELEASED = "seats-released";

    static final String WAITLIST_PLACES_LEFT = "waitlist-places-left";

    static final String CAPACITY_CHANGED = "capacity-changed";

    static final String GROUP_AVAILABILITY = "group-availability";

    static final String PLACES = "places";

    static final String ERASURES = "erasures";

    static final String SIGNUPS_DEAD_LETTER = "signups-dead-letter";

    static final String SEAT_REQUESTS_DEAD_LETTER = "seat-requests-dead-letter";

    static final String LEDGER_STORE = "group-ledgers";

    static final String STANDING_STORE = "person-standings";

    /** Named for what it first held; its changelog topic carries the name. */
    static final String SIGNUP_STORE = "decided-signups";

    static final String WAITLIST_STORE = "waitlists";

    static final String REQUEST_STORE = "applied-requests";

    /** The later signups that found each place, so that erasing a place erases them. */
    static final String ALIAS_STORE = "place-aliases";

    private EligibilityTopology() {
    }

    public static Topology addTo(Topology topology, EnrollmentTopics topics, EligibilityPolicy policy,
            EventSerdes serdes, HmacKeys hmacKeys, Duration expiryCheck, RecordTracing.Tracing tracing) {
        StringSerializer keys = new StringSerializer();
        Serializer<SpecificRecord> events = serdes.events();
        topology.addSource(SIGNUPS, new StringDeserializer(), new ByteArrayDeserializer(), topics.signupsSubmitted())
            .addSource(SEAT_REQUESTS, new StringDeserializer(), new ByteArrayDeserializer(), topics.seatRequests())
            .addProcessor(DECIDE,
                    () -> new SignupDecider(policy, serdes.signups(), new PersonKeys(hmacKeys),
                            new RecordTracing(tracing), serdes.personalData()),
                    SIGNUPS)
            .addProcessor(APPLY,
                    () -> new SeatRequestHandler(policy.rules(), serdes.seatRequests(), expiryCheck,
                            new RecordTracing(tracing), serdes.personalData()),
                    SEAT_REQUESTS)
            .addSink(SEAT_RESERVED, topics.seatsReserved(), keys, events, DECIDE, APPLY)
            .addSink(WAITLISTED, topics.signupsWaitlisted(), keys, events, DECIDE)
            .addSink(REDIRECTED_TO_DBT, topics.redirectedToDbt(), keys, events, DECIDE)
            .addSink(SEATS_CONFIRMED, topics.seatsConfirmed(), keys, events, APPLY)
            .addSink(SEATS_RELEASED, topics.seatsReleased(), keys, events, APPLY)
            .addSink(WAITLIST_PLACES_LEFT, topics.waitlistPlacesLeft(), keys, events, APPLY)
            .addSink(CAPACITY_CHANGED, topics.capacityChanged(), keys, events, APPLY)
            .addSink(GROUP_AVAILABILITY, topics.groupAvailability(), keys, events, DECIDE, APPLY)
            .addSink(PLACES, topics.places(), keys, events, DECIDE, APPLY)
            .addSink(ERASURES, topics.erasures(), keys, events, APPLY)
            .addSink(SIGNUPS_DEAD_LETTER, topics.signupsDeadLetter(), keys, new ByteArraySerializer(), DECIDE)
            .addSink(SEAT_REQUESTS_DEAD_LETTER, topics.seatRequestsDeadLetter(), keys, new ByteArraySerializer(),
                    APPLY);
        // Every signup and request reads and writes its group's ledger: cached, a busy
        // group's ledger reaches RocksDB and its changelog once per commit, not per
        // record.
        topology.addStateStore(Stores
            .keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), Serdes.ByteArray())
            .withCachingEnabled(), DECIDE, APPLY);
        for (String name : new String[] { STANDING_STORE, SIGNUP_STORE, WAITLIST_STORE, ALIAS_STORE }) {
            topology.addStateStore(store(name), DECIDE, APPLY);
        }
        topology.addStateStore(store(REQUEST_STORE), APPLY);
        return topology;
    }

    private static StoreBuilder<KeyValueStore<String, String>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }

}
