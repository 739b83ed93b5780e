package org.groupenrollment.eligibility.streams;

import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.settings.EligibilitySettings.TopicSettings;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;

/**
 * signups (keyed by group) -> decider (ledger, standings, decided) -> one outcome topic
 * per kind (keyed by signup id), or the dead-letter topic.
 */
public final class EligibilityTopology {

    static final String LEDGER_STORE = "group-ledgers";
    static final String STANDING_STORE = "person-standings";
    static final String DECIDED_STORE = "decided-signups";

    private EligibilityTopology() {
    }

    public static void build(StreamsBuilder builder, TopicSettings topics, EligibilityPolicy policy, EventSerdes serdes,
            Clock clock) {
        for (String store : new String[] { LEDGER_STORE, STANDING_STORE, DECIDED_STORE }) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.String()));
        }
        KStream<String, Object> outcomes = builder
            .stream(topics.signupsSubmitted(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("signups"))
            .process(() -> new SignupDecider(policy, serdes.forValues(SignupSubmitted.class).deserializer(), clock),
                    Named.as("decide"), LEDGER_STORE, STANDING_STORE, DECIDED_STORE);
        outcomes.split(Named.as("outcome-"))
            .branch((key, value) -> value instanceof SeatReserved,
                    Branched.withConsumer(s -> to(s, topics.seatsReserved(), serdes.forValues(SeatReserved.class)),
                            "seat"))
            .branch((key, value) -> value instanceof SignupWaitlisted, Branched.withConsumer(
                    s -> to(s, topics.signupsWaitlisted(), serdes.forValues(SignupWaitlisted.class)), "waitlist"))
            .branch((key, value) -> value instanceof RedirectedToDbt,
                    Branched.withConsumer(s -> to(s, topics.redirectedToDbt(), serdes.forValues(RedirectedToDbt.class)),
                            "redirect"))
            .defaultBranch(Branched.withConsumer(
                    s -> s.mapValues(value -> ((DeadLetter) value).payload())
                        .to(topics.signupsDeadLetter(), Produced.with(Serdes.String(), Serdes.ByteArray())),
                    "dead-letter"));
    }

    private static <T extends SpecificRecord> void to(KStream<String, Object> stream, String topic, Serde<T> serde) {
        @SuppressWarnings("unchecked")
        KStream<String, T> typed = stream.mapValues(value -> (T) value);
        typed.to(topic, Produced.with(Serdes.String(), serde));
    }

}
