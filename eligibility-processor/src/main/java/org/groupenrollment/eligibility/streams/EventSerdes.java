package org.groupenrollment.eligibility.streams;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroSerde;

/**
 * Registry-backed serdes for event values, configured from the Kafka client properties.
 */
public final class EventSerdes {

    private final Map<String, Object> configs;

    public EventSerdes(Map<String, ?> clientProperties) {
        Map<String, Object> merged = new HashMap<>(clientProperties);
        merged.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        merged.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
        this.configs = Map.copyOf(merged);
    }

    public <T extends SpecificRecord> Serde<T> forValues(Class<T> type) {
        RegistryAvroSerde<T> serde = new RegistryAvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }

}
