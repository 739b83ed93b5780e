package org.groupenrollment.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that keep every event schema able to evolve, checked over each schema's whole
 * tree.
 */
class SchemaRulesTests {

    static Stream<Schema> eventSchemas() {
        return Stream.concat(signupEventSchemas(), Stream.of(CapacityChanged.getClassSchema(),
                GroupAvailability.getClassSchema(), SeatRequest.getClassSchema()));
    }

    /** The events about one person's signup and place. */
    static Stream<Schema> signupEventSchemas() {
        return Stream.of(SignupSubmitted.getClassSchema(), SeatReserved.getClassSchema(),
                SignupWaitlisted.getClassSchema(), RedirectedToDbt.getClassSchema(), SeatConfirmed.getClassSchema(),
                SeatReleased.getClassSchema(), WaitlistPlaceLeft.getClassSchema(), PlaceStatus.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("eventSchemas")
    void everyEnumHasADefaultSymbol(Schema event) {
        assertThat(walk(event)).filteredOn(s -> s.getType() == Schema.Type.ENUM)
            .allSatisfy(e -> assertThat(e.getEnumDefault()).as("default of enum %s", e.getFullName()).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("eventSchemas")
    void noFloatingPoint(Schema event) {
        assertThat(walk(event)).extracting(Schema::getType).doesNotContain(Schema.Type.FLOAT, Schema.Type.DOUBLE);
    }

    @ParameterizedTest
    @MethodSource("eventSchemas")
    void everyOptionalFieldDefaultsToNull(Schema event) {
        assertThat(walk(event)).filteredOn(s -> s.getType() == Schema.Type.RECORD)
            .flatExtracting(Schema::getFields)
            .filteredOn(f -> f.schema().isNullable())
            .allSatisfy(f -> assertThat(f.defaultVal()).as("default of %s", f.name())
                .isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE));
    }

    @ParameterizedTest
    @MethodSource("signupEventSchemas")
    void everySignupEventIsIdentifiedBySignupId(Schema event) {
        assertThat(event.getField("signupId")).isNotNull();
        assertThat(event.getField("signupId").schema().getLogicalType().getName()).isEqualTo("uuid");
    }

    private static List<Schema> walk(Schema root) {
        List<Schema> found = new ArrayList<>();
        collect(root, found, new HashSet<>());
        return found;
    }

    private static void collect(Schema schema, List<Schema> found, Set<String> seenRecords) {
        found.add(schema);
        switch (schema.getType()) {
            case RECORD -> {
                if (seenRecords.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collect(f.schema(), found, seenRecords));
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, found, seenRecords));
            case ARRAY -> collect(schema.getElementType(), found, seenRecords);
            case MAP -> collect(schema.getValueType(), found, seenRecords);
            default -> {
            }
        }
    }

}
