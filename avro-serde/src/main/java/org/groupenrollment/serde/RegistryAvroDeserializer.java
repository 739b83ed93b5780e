package org.groupenrollment.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.DecryptingDatumReader;
import org.groupenrollment.serde.encryption.FieldEncryptionException;
import org.groupenrollment.serde.encryption.PersonalFields;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. The writer's schema is fetched by id from the registry;
 * with {@code specific.avro.reader=true} the record is resolved into the generated class
 * of the same name (so old and new versions of an event are read into the version this
 * code was built with), otherwise into a {@link org.apache.avro.generic.GenericRecord}.
 * Bytes that are not a framed record of a known schema fail with a
 * {@link SerializationException} that says why.
 */
public class RegistryAvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;

    private AvroSerdeConfig config;

    /**
     * Each person's keys, when personal fields are to be decrypted; else {@code null}.
     */
    private DataKeys dataKeys;

    private final Map<Integer, DatumReader<Object>> readersByWriterId = new ConcurrentHashMap<>();

    public RegistryAvroDeserializer() {
    }

    /** For tests and programmatic use: an already built registry client. */
    public RegistryAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs);
        this.dataKeys = AvroSerdeConfig.dataKeys(configs);
        trust(config);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = SchemaRegistryClients.create(config);
        this.dataKeys = AvroSerdeConfig.dataKeys(configs);
        trust(config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        int schemaId = WireFormat.schemaId(topic, payload);
        DatumReader<Object> reader = readerFor(topic, schemaId);
        try {
            var decoder = DecoderFactory.get()
                .binaryDecoder(payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null);
            return (T) reader.read(null, decoder);
        }
        catch (IOException | AvroRuntimeException | IndexOutOfBoundsException ex) {
            throw new SerializationException(
                    "Cannot decode the Avro body of a record of topic " + topic + " written with schema id " + schemaId,
                    ex);
        }
        catch (FieldEncryptionException ex) {
            throw new SerializationException(
                    "Cannot read the personal fields of a record of topic " + topic + ": " + ex.getMessage(), ex);
        }
    }

    private DatumReader<Object> readerFor(String topic, int schemaId) {
        try {
            return readersByWriterId.computeIfAbsent(schemaId, id -> newReader(registry.schemaById(id)));
        }
        catch (SchemaRegistryException ex) {
            if (ex.isNotFound()) {
                throw new SerializationException("Cannot deserialize a record of topic " + topic + ": schema id "
                        + schemaId + " is unknown to the schema registry", ex);
            }
            throw new SerializationException(
                    "Cannot fetch schema id " + schemaId + " for topic " + topic + ": " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> newReader(Schema writer) {
        if (!config.specificAvroReader() || writer.getType() != Schema.Type.RECORD) {
            return (DatumReader<Object>) GenericData.get().createDatumReader(writer, writer);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("specific.avro.reader is on but no generated class " + writer.getFullName()
                    + " is on the classpath (or its package is not in " + AvroSerdeConfig.TRUSTED_PACKAGES + ")");
        }
        SpecificData model = SpecificData.getForClass(generated);
        Schema reader = model.getSchema(generated);
        if (dataKeys != null && PersonalFields.anyIn(reader)) {
            return new DecryptingDatumReader(writer, reader, model, dataKeys);
        }
        return (DatumReader<Object>) model.createDatumReader(writer, reader);
    }

    private static void trust(AvroSerdeConfig config) {
        if (config.trustedPackages().isEmpty()) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> config.trustedPackages().contains(type.getPackageName())));
    }

}
