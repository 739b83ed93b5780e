package org.groupenrollment.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecordBase;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.EncryptingDatumWriter;
import org.groupenrollment.serde.encryption.PersonalFields;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated or generic) in Confluent's wire format, registering or
 * looking up the schema under {@code <topic>-value} or {@code <topic>-key}. Configured
 * with Confluent's property names; see {@link AvroSerdeConfig}.
 */
public class RegistryAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;

    private AvroSerdeConfig config;

    private boolean isKey;

    /**
     * Each person's keys, when personal fields are to be encrypted; else {@code null}.
     */
    private DataKeys dataKeys;

    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public RegistryAvroSerializer() {
    }

    /** For tests and programmatic use: an already built registry client. */
    public RegistryAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs);
        this.dataKeys = AvroSerdeConfig.dataKeys(configs);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = SchemaRegistryClients.create(config);
        this.dataKeys = AvroSerdeConfig.dataKeys(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        String subject = Subjects.of(topic, isKey);
        Schema schema = record.getSchema();
        try {
            SchemaRegistryClient.RegisteredSchema target = schemaFor(subject, schema);
            return write(target, record);
        }
        catch (SchemaRegistryException ex) {
            throw new SerializationException(explain(subject, schema, ex), ex);
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException(
                    "Could not serialize a " + schema.getFullName() + " for subject " + subject, ex);
        }
    }

    private SchemaRegistryClient.RegisteredSchema schemaFor(String subject, Schema schema) {
        if (config.useLatestVersion()) {
            return registry.latest(subject);
        }
        int id = config.autoRegisterSchemas() ? registry.register(subject, schema) : registry.lookUpId(subject, schema);
        return new SchemaRegistryClient.RegisteredSchema(id, schema);
    }

    private byte[] write(SchemaRegistryClient.RegisteredSchema target, T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.header(target.id()).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writers.computeIfAbsent(target.schema(), schema -> writerFor(schema, record, dataKeys)).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema, IndexedRecord record, DataKeys dataKeys) {
        // Generated classes carry their logical-type conversions (Instant, UUID, ...) in
        // their own model.
        GenericData model = record instanceof SpecificRecordBase specific ? specific.getSpecificData()
                : GenericData.get();
        if (dataKeys != null && PersonalFields.anyIn(schema)) {
            return new EncryptingDatumWriter(schema, model, dataKeys);
        }
        return (DatumWriter<Object>) model.createDatumWriter(schema);
    }

    private static String explain(String subject, Schema schema, SchemaRegistryException ex) {
        if (ex.isIncompatibleSchema()) {
            return "Schema " + schema.getFullName()
                    + " is incompatible with the schemas already registered under subject " + subject
                    + "; the registry refused it: " + ex.getMessage();
        }
        if (ex.isNotFound()) {
            return "Schema " + schema.getFullName() + " is not registered under subject " + subject
                    + " and auto.register.schemas is off: " + ex.getMessage();
        }
        return "Schema registry call for subject " + subject + " failed: " + ex.getMessage();
    }

}
