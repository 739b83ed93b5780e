package org.groupenrollment.serde;

import org.apache.avro.Schema;

/**
 * The four calls of Confluent's registry API that a serializer and deserializer need.
 * Every implementation is safe for concurrent use.
 */
public interface SchemaRegistryClient {

    /**
     * {@code POST /subjects/{subject}/versions}: registers the schema (or finds it) and
     * returns its id.
     */
    int register(String subject, Schema schema);

    /**
     * {@code POST /subjects/{subject}}: the id of a schema already registered under the
     * subject.
     */
    int lookUpId(String subject, Schema schema);

    /** {@code GET /schemas/ids/{id}}. */
    Schema schemaById(int id);

    /** {@code GET /subjects/{subject}/versions/latest}. */
    RegisteredSchema latest(String subject);

    record RegisteredSchema(int id, Schema schema) {
    }

}
