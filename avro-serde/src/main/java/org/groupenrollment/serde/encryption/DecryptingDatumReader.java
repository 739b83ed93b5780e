package org.groupenrollment.serde.encryption;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a record and decrypts each personal field encrypted by
 * {@link EncryptingDatumWriter}, with the data key it names. A field whose key was erased
 * reads as {@value DataKeys#ERASED}; one whose key this store does not know, or that
 * fails authentication, fails the record with a {@link FieldEncryptionException} that
 * names the key and the field, never the value. The fields are decrypted once the record
 * is read, not while: generated classes decode themselves (Avro's custom coders), past
 * any per-field hook.
 */
public final class DecryptingDatumReader extends SpecificDatumReader<Object> {

    private final DataKeys keys;

    public DecryptingDatumReader(Schema writer, Schema reader, SpecificData model, DataKeys keys) {
        super(writer, reader, model);
        this.keys = keys;
    }

    @Override
    public Object read(Object reuse, Decoder in) throws IOException {
        Object record = super.read(reuse, in);
        decryptIn(record);
        return record;
    }

    private void decryptIn(Object datum) {
        if (!(datum instanceof IndexedRecord record)) {
            return;
        }
        boolean[] personal = PersonalFields.flags(record.getSchema());
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (personal[field.pos()] && value instanceof CharSequence text && FieldCipher.isEncrypted(text)) {
                record.put(field.pos(), keys.decrypt(field.name(), text.toString()));
            }
            else {
                decryptIn(value);
            }
        }
    }

}
