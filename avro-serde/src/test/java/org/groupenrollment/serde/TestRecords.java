package org.groupenrollment.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Generic records for serde tests, which must not depend on the project's own events. */
final class TestRecords {

    static final Schema GREETING_V1 = SchemaBuilder.record("Greeting")
        .namespace("test.serde")
        .fields()
        .requiredString("text")
        .requiredInt("count")
        .endRecord();

    /** v1 plus a field with a default: a BACKWARD compatible change. */
    static final Schema GREETING_V2 = SchemaBuilder.record("Greeting")
        .namespace("test.serde")
        .fields()
        .requiredString("text")
        .requiredInt("count")
        .name("language")
        .type()
        .stringType()
        .stringDefault("en")
        .endRecord();

    /**
     * v1 with a new field and no default: BACKWARD incompatible, the registry must refuse
     * it.
     */
    static final Schema GREETING_INCOMPATIBLE = SchemaBuilder.record("Greeting")
        .namespace("test.serde")
        .fields()
        .requiredString("text")
        .requiredInt("count")
        .requiredLong("mandatoryNewField")
        .endRecord();

    private TestRecords() {
    }

    static GenericRecord greeting(String text, int count) {
        GenericRecord record = new GenericData.Record(GREETING_V1);
        record.put("text", text);
        record.put("count", count);
        return record;
    }

    static GenericRecord greetingV2(String text, int count, String language) {
        GenericRecord record = new GenericData.Record(GREETING_V2);
        record.put("text", text);
        record.put("count", count);
        record.put("language", language);
        return record;
    }

    static GenericRecord incompatibleGreeting() {
        GenericRecord record = new GenericData.Record(GREETING_INCOMPATIBLE);
        record.put("text", "hello");
        record.put("count", 1);
        record.put("mandatoryNewField", 7L);
        return record;
    }

}
