package org.groupenrollment.serde.encryption;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Which fields of a schema are personal, by Confluent's convention: a field tagged
 * {@code "confluent:tags": ["PII"]}. A record holding any names, in
 * {@code "encryption:subject"}, the top-level field whose value identifies the person
 * (their data key's subject).
 */
public final class PersonalFields {

    /** Confluent's property for a field's tags. */
    public static final String TAGS = "confluent:tags";

    /** The tag of a field that identifies or contacts a person. */
    public static final String PII = "PII";

    /** The record property naming the field whose value is the data key's subject. */
    public static final String SUBJECT = "encryption:subject";

    private static final Map<Schema, boolean[]> FLAGS = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** Whether {@code field} is tagged {@value #PII}. */
    public static boolean isPersonal(Schema.Field field) {
        return field.getObjectProp(TAGS) instanceof Collection<?> tags && tags.contains(PII);
    }

    /**
     * Which of a record's fields, by position, are personal: worked out once per schema,
     * as reading the tags of every field of every record would cost on the hot path.
     */
    static boolean[] flags(Schema record) {
        return FLAGS.computeIfAbsent(record, schema -> {
            boolean[] flags = new boolean[schema.getFields().size()];
            schema.getFields().forEach(field -> flags[field.pos()] = isPersonal(field));
            return flags;
        });
    }

    /**
     * Whether {@code schema} holds a personal field anywhere, nested records included.
     */
    public static boolean anyIn(Schema schema) {
        return anyIn(schema, new HashSet<>());
    }

    /**
     * The name of the top-level field that identifies the person {@code schema}'s
     * personal fields belong to.
     * @throws IllegalStateException if it holds personal fields and names none, or names
     * one it does not have
     */
    public static String subjectField(Schema schema) {
        String subject = schema.getProp(SUBJECT);
        if (subject == null || schema.getField(subject) == null) {
            throw new IllegalStateException(schema.getFullName() + " holds fields tagged " + PII + " but its \""
                    + SUBJECT + "\" does not name one of its fields (it says " + subject + ")");
        }
        return subject;
    }

    /**
     * Whether any personal field of {@code datum}, nested records included, holds a value
     * in clear (one not yet encrypted).
     */
    static boolean anyInClear(Object datum) {
        if (datum instanceof IndexedRecord record) {
            boolean[] personal = flags(record.getSchema());
            for (int position = 0; position < personal.length; position++) {
                Object value = record.get(position);
                if (personal[position] ? value instanceof CharSequence text && !FieldCipher.isEncrypted(text)
                        : anyInClear(value)) {
                    return true;
                }
            }
        }
        else if (datum instanceof Collection<?> items) {
            return items.stream().anyMatch(PersonalFields::anyInClear);
        }
        else if (datum instanceof Map<?, ?> entries) {
            return entries.values().stream().anyMatch(PersonalFields::anyInClear);
        }
        return false;
    }

    private static boolean anyIn(Schema schema, Set<String> seen) {
        return switch (schema.getType()) {
            case RECORD -> seen.add(schema.getFullName())
                    && schema.getFields().stream().anyMatch(field -> isPersonal(field) || anyIn(field.schema(), seen));
            case UNION -> schema.getTypes().stream().anyMatch(branch -> anyIn(branch, seen));
            case ARRAY -> anyIn(schema.getElementType(), seen);
            case MAP -> anyIn(schema.getValueType(), seen);
            default -> false;
        };
    }

}
