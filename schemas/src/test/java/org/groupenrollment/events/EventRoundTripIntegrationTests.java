package org.groupenrollment.events;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecordBase;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event survives the trip through the serde and a real registry into its generated
 * class.
 */
@ExtendWith(SchemaRegistryExtension.class)
class EventRoundTripIntegrationTests {

    static Stream<SpecificRecordBase> everyEvent() {
        return Stream.of(Signups.newYorkResidentAskingForAnxiety(),
                Outcomes.seatInTuesdayAnxietyGroup("maya@example.org"),
                Outcomes.thirdOnTheGriefWaitlist("maya@example.org"),
                Outcomes.texanAskingForDepression("maya@example.org"),
                Outcomes.seatHeldForThreeDaysAfterTheWaitlist("maya@example.org"),
                Outcomes.tuesdayAnxietySeatConfirmed("maya@example.org"),
                Outcomes.tuesdayAnxietyHoldExpired("maya@example.org"),
                Outcomes.leftTheGriefWaitlist("maya@example.org"), Outcomes.tuesdayAnxietyGrewToFourteen(),
                Outcomes.anxietyWithThreeSeatsLeft(), Outcomes.personConfirmsTheirSeat(UUID.randomUUID()),
                Outcomes.heldTuesdayAnxietySeat(), Outcomes.fifthOnTheGriefWaitlist());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void roundTripsThroughTheRegistry(SpecificRecordBase event, SchemaRegistryProcess registry) {
        String topic = "round-trip-" + UUID.randomUUID();
        var serializer = new RegistryAvroSerializer<SpecificRecordBase>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        var deserializer = new RegistryAvroDeserializer<SpecificRecordBase>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true, AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME),
                false);

        SpecificRecordBase read = deserializer.deserialize(topic, serializer.serialize(topic, event));

        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
    }

}
