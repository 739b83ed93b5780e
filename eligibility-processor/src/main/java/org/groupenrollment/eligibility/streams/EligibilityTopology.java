package org.groupenrollment.eligibility.streams;

import java.time.Clock;

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
 * signups (keyed by group) -> decide (ledger, standings, decided signups) -> one sink per
 * kind of outcome (keyed by signup id), or the dead-letter sink. The decider names the
 * sink of each record it forwards, so no node downstream has to find out what it was
 * given.
 */
public final class EligibilityTopology {

    static final String SIGNUPS = "signups";

    static final String DECIDE = "decide";

    static final String SEAT_RESERVED = "seat-reserved";

    static final String WAITLISTED = "waitlisted";

    static final String REDIRECTED_TO_DBT = "redirected-to-dbt";

    static final String DEAD_LETTER = "dead-letter";

    static final String LEDGER_STORE = "group-ledgers";

    static final String STANDING_STORE = "person-standings";

    static final String DECIDED_STORE = "decided-signups";

    private EligibilityTopology() {
    }

    public static Topology addTo(Topology topology, EnrollmentTopics topics, EligibilityPolicy policy,
            EventSerdes serdes, HmacKeys hmacKeys, Clock clock) {
        StringSerializer keys = new StringSerializer();
        Serializer<SpecificRecord> outcomes = serdes.outcomes();
        topology.addSource(SIGNUPS, new StringDeserializer(), new ByteArrayDeserializer(), topics.signupsSubmitted())
            .addProcessor(DECIDE, () -> new SignupDecider(policy, serdes.signups(), new PersonKeys(hmacKeys), clock),
                    SIGNUPS)
            .addSink(SEAT_RESERVED, topics.seatsReserved(), keys, outcomes, DECIDE)
            .addSink(WAITLISTED, topics.signupsWaitlisted(), keys, outcomes, DECIDE)
            .addSink(REDIRECTED_TO_DBT, topics.redirectedToDbt(), keys, outcomes, DECIDE)
            .addSink(DEAD_LETTER, topics.signupsDeadLetter(), keys, new ByteArraySerializer(), DECIDE);
        for (String store : new String[] { LEDGER_STORE, STANDING_STORE, DECIDED_STORE }) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.String()), DECIDE);
        }
        return topology;
    }

}
