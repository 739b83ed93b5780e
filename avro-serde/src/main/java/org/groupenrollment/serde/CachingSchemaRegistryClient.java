package org.groupenrollment.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * Remembers every answer that cannot change: a schema's id under a subject, and an id's
 * schema. The latest version of a subject is remembered too, for the client's lifetime,
 * as Confluent's client does by default; a producer picks up a new latest version on
 * restart.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;

    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();

    private final Map<SubjectSchema, Integer> lookedUpIds = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registeredIds.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> delegate.register(subject, schema));
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        return lookedUpIds.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> delegate.lookUpId(subject, schema));
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return latestBySubject.computeIfAbsent(subject, delegate::latest);
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

}
