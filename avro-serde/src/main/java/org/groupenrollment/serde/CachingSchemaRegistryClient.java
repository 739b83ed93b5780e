package org.groupenrollment.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        return cached(registeredIds, new SubjectSchema(subject, schema), key -> delegate.register(subject, schema));
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        return cached(lookedUpIds, new SubjectSchema(subject, schema), key -> delegate.lookUpId(subject, schema));
    }

    @Override
    public Schema schemaById(int id) {
        return cached(schemasById, id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return cached(latestBySubject, subject, delegate::latest);
    }

    /**
     * Asks the registry outside any lock, unlike {@code computeIfAbsent}: while the
     * registry is slow or down, every caller waits for, and fails on, its own call
     * instead of queueing behind the others. Two callers may both ask on a cold start;
     * the answers are the same.
     */
    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> load) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V loaded = load.apply(key);
        V first = cache.putIfAbsent(key, loaded);
        return first != null ? first : loaded;
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

}
