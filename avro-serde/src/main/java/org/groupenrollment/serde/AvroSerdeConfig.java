package org.groupenrollment.serde;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.groupenrollment.serde.encryption.DataKeys;

/**
 * The serde's settings, under the names Confluent's serializer uses, so that replacing
 * these classes with Confluent's is a change of class names in the client properties and
 * nothing else.
 */
public record AvroSerdeConfig(List<String> registryUrls, boolean autoRegisterSchemas, boolean useLatestVersion,
        boolean specificAvroReader, String basicAuthUserInfo, Duration connectTimeout, Duration readTimeout,
        int maxRetries, Duration retryBackoff, List<String> trustedPackages) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

    public static final String MAX_RETRIES = "schema.registry.max.retries";

    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";

    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    /**
     * Not in Confluent's set: Avro 1.12 refuses to instantiate generated classes from
     * packages it has not been told to trust, so a specific reader needs the packages of
     * the event classes.
     */
    public static final String TRUSTED_PACKAGES = "avro.trusted.packages";

    /**
     * Not in Confluent's set: a {@link DataKeys} instance (given in the client's
     * configuration map, not as text) turns on field-level encryption: fields tagged
     * {@code PII} are encrypted on write and decrypted on read with each person's key.
     */
    public static final String DATA_KEYS = "enrollment.encryption.data-keys";

    private static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    public AvroSerdeConfig {
        registryUrls = List.copyOf(registryUrls);
        trustedPackages = List.copyOf(trustedPackages);
        if (registryUrls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "At least one schema registry URL is required");
        }
        if (useLatestVersion && autoRegisterSchemas) {
            throw new ConfigException(USE_LATEST_VERSION, true,
                    "use.latest.version=true needs auto.register.schemas=false, as with Confluent's serializer");
        }
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        rejectOtherSubjectStrategies(configs);
        return new AvroSerdeConfig(list(configs, SCHEMA_REGISTRY_URL), bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false), bool(configs, SPECIFIC_AVRO_READER, false), userInfo(configs),
                Duration.ofMillis(longValue(configs, CONNECT_TIMEOUT_MS, 60_000)),
                Duration.ofMillis(longValue(configs, READ_TIMEOUT_MS, 60_000)),
                (int) longValue(configs, MAX_RETRIES, 3), Duration.ofMillis(longValue(configs, RETRY_BACKOFF_MS, 100)),
                list(configs, TRUSTED_PACKAGES));
    }

    /** The data keys the configuration holds, or {@code null}: no field encryption. */
    public static DataKeys dataKeys(Map<String, ?> configs) {
        Object value = configs.get(DATA_KEYS);
        if (value == null || value instanceof DataKeys) {
            return (DataKeys) value;
        }
        throw new ConfigException(DATA_KEYS, value.getClass().getName(),
                "Expected an instance of " + DataKeys.class.getName());
    }

    private static void rejectOtherSubjectStrategies(Map<String, ?> configs) {
        for (String key : List.of(VALUE_SUBJECT_NAME_STRATEGY, KEY_SUBJECT_NAME_STRATEGY)) {
            Object value = configs.get(key);
            if (value != null && !value.toString().equals(TOPIC_NAME_STRATEGY)) {
                throw new ConfigException(key, value,
                        "Only the topic name strategy (<topic>-key, <topic>-value) is supported");
            }
        }
    }

    private static String userInfo(Map<String, ?> configs) {
        Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        if (source != null && !"USER_INFO".equals(source.toString())) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "Only USER_INFO is supported");
        }
        return userInfo == null || userInfo.toString().isBlank() ? null : userInfo.toString();
    }

    private static List<String> list(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> values) {
            return values.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "Expected true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static long longValue(Map<String, ?> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (parsed < 0) {
                throw new ConfigException(key, value, "Must not be negative");
            }
            return parsed;
        }
        catch (NumberFormatException ex) {
            throw new ConfigException(key, value, "Expected a whole number");
        }
    }
}
