package org.groupenrollment.serde;

import org.apache.kafka.common.config.ConfigException;

/**
 * Picks the registry behind a configuration: the in-memory mock for {@code mock://}, else
 * REST.
 */
final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    static SchemaRegistryClient create(AvroSerdeConfig config) {
        String first = config.registryUrls().get(0);
        if (MockSchemaRegistry.isMockUrl(first)) {
            if (config.registryUrls().size() > 1) {
                throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrls(),
                        "A mock:// registry cannot be mixed with others");
            }
            return MockSchemaRegistry.forScope(first.substring(MockSchemaRegistry.SCHEME.length()));
        }
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config));
    }

}
