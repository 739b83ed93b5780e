package org.groupenrollment.serde.encryption;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Writes a record with each personal string field encrypted under the data key of the
 * person the record is about (or passed on, when it already is), everything else as Avro
 * would; a record with nothing left to encrypt is written as if there were no keys, and
 * the person's key is not even looked up. Safe for concurrent use: the key of the record
 * being written is held per thread, for that write only.
 */
public final class EncryptingDatumWriter extends GenericDatumWriter<Object> {

    private final DataKeys keys;

    private final int subjectPosition;

    private final ThreadLocal<DataKey> current = new ThreadLocal<>();

    /**
     * How a record whose personal fields are all encrypted already is written: as if
     * there were nothing to encrypt, with the model's own (faster) writer.
     */
    private final DatumWriter<Object> sealedAlready;

    /**
     * This writer's personal fields, found once: the schema it writes with never changes.
     */
    private final Set<Schema.Field> personal = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * A writer of {@code schema}, which must hold personal fields
     * ({@link PersonalFields#anyIn}).
     */
    public EncryptingDatumWriter(Schema schema, GenericData model, DataKeys keys) {
        super(schema, model);
        this.keys = keys;
        this.sealedAlready = plainWriter(schema, model);
        this.subjectPosition = schema.getField(PersonalFields.subjectField(schema)).pos();
        collectPersonal(schema, new HashSet<>());
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
        if (!PersonalFields.anyInClear(datum)) {
            sealedAlready.write(datum, out);
            return;
        }
        Object subject = ((IndexedRecord) datum).get(subjectPosition);
        if (subject == null) {
            throw new FieldEncryptionException("A record with personal fields names no subject to encrypt them for");
        }
        current.set(keys.forSubject(subject.toString()));
        try {
            super.write(datum, out);
        }
        finally {
            current.remove();
        }
    }

    private void collectPersonal(Schema schema, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    for (Schema.Field field : schema.getFields()) {
                        if (PersonalFields.isPersonal(field)) {
                            personal.add(field);
                        }
                        collectPersonal(field.schema(), seen);
                    }
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collectPersonal(branch, seen));
            case ARRAY -> collectPersonal(schema.getElementType(), seen);
            case MAP -> collectPersonal(schema.getValueType(), seen);
            default -> {
            }
        }
    }

    @Override
    protected void writeField(Object datum, Schema.Field field, Encoder out, Object state) throws IOException {
        if (!personal.contains(field)) {
            super.writeField(datum, field, out, state);
            return;
        }
        Object value = getData().getField(datum, field.name(), field.pos());
        if (value instanceof CharSequence text) {
            value = sealed(field.name(), text.toString());
        }
        write(field.schema(), value, out);
    }

    /**
     * A plaintext encrypted; a value encrypted already passed on as it is: a service that
     * forwards what it was given (the processor, from the signup to the outcome, under
     * the same field names) neither opens nor seals it again. Which key sealed it was the
     * sealer's choice; a reader opens it with that key, or fails to.
     */
    private String sealed(String field, String value) {
        return FieldCipher.isEncrypted(value) ? value : FieldCipher.encrypt(current.get(), field, value);
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> plainWriter(Schema schema, GenericData model) {
        return (DatumWriter<Object>) model.createDatumWriter(schema);
    }

}
