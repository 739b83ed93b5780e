package org.groupenrollment.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

/**
 * An in-memory registry behind {@code schema.registry.url=mock://scope}, for unit tests
 * only, as Confluent's serializer offers: serializers and deserializers configured with
 * the same scope share one registry. It performs no compatibility checks.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    static final String SCHEME = "mock://";

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final AtomicInteger nextId = new AtomicInteger(1);

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();

    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();

    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, name -> new MockSchemaRegistry());
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    static boolean isMockUrl(String url) {
        return url.startsWith(SCHEME);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema, key -> {
            int newId = nextId.getAndIncrement();
            schemasById.put(newId, schema);
            return newId;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, key -> new CopyOnWriteArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException(404, 40403, "Schema not found under subject " + subject);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject " + subject + " not found");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(id, schemasById.get(id));
    }

}
