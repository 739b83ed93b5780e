package org.groupenrollment.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Schema;
import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.Recipient;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, which no test here can start (no Docker engine): every service is
 * in it, Kafka UI masks every personal field the events carry, and the console's local
 * admin signs in with the password its comment gives.
 */
class ComposeFileTests {

    private static final Map<String, Map<String, Object>> SERVICES = services();

    @Test
    void everyServiceIsBuiltFromThisRepository() {
        assertThat(SERVICES).containsKeys("signup-producer", "eligibility-processor", "notification-consumer",
                "staff-console");
    }

    @Test
    void kafkaUiIsTheMaintainedForkPinnedAndMasksEveryPersonalFieldOfTheEvents() {
        Map<String, Object> ui = SERVICES.get("kafka-ui");
        assertThat((String) ui.get("image")).startsWith("ghcr.io/kafbat/kafka-ui:v").doesNotEndWith(":latest");
        Set<String> personal = new TreeSet<>();
        for (Schema schema : List.of(Applicant.getClassSchema(), Recipient.getClassSchema())) {
            schema.getFields().forEach(field -> personal.add(field.name()));
        }
        Map<String, Object> environment = environment("kafka-ui");
        Set<String> masked = new TreeSet<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_CLUSTERS_0_MASKING_0_FIELDS_")) {
                masked.add(String.valueOf(value));
            }
        });
        assertThat(masked).isEqualTo(personal);
        assertThat(environment.get("KAFKA_CLUSTERS_0_MASKING_0_TOPICVALUESPATTERN")).isEqualTo("enrollment\\..*");
    }

    /**
     * Each container has a file system of its own: without one volume for the embedded
     * KMS's keys, each service would make its own and read nothing the others wrote.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyServiceSharesTheVolumeOfTheKeyEncryptionKeys() {
        for (String service : List.of("signup-producer", "eligibility-processor", "notification-consumer",
                "staff-console")) {
            assertThat((List<String>) SERVICES.get(service).get("volumes")).as(service)
                .contains("key-encryption-keys:/data/secrets/kek");
        }
    }

    @Test
    void theConsolesLocalAdminSignsInWithThePasswordTheFileNames() throws IOException {
        String hash = String.valueOf(environment("staff-console").get("ENROLLMENT_CONSOLE_USERS_0_PASSWORD_HASH"))
            .replace("$$", "$");

        assertThat(new BCryptPasswordEncoder().matches("local-only-change-me", hash)).isTrue();
        assertThat(Files.readString(compose())).contains("(admin / local-only-change-me)");
    }

    @Test
    void prometheusScrapesEveryServiceOnTheManagementPortItsConfigurationGives() throws IOException {
        String scrape = Files.readString(Path.of("..", "observability", "prometheus.yml"));
        for (String service : List.of("signup-producer", "eligibility-processor", "notification-consumer",
                "staff-console")) {
            String config = Files.readString(Path.of("..", service, "src", "main", "resources", service + ".yml"));
            java.util.regex.Matcher port = java.util.regex.Pattern
                .compile("management:\\s+server:\\s+(?:#.*\\s+)*port: \\$\\{[A-Z_]+:(\\d+)}")
                .matcher(config);
            assertThat(port.find()).as(service + "'s management port").isTrue();
            assertThat(scrape).contains("- " + service + ":" + port.group(1));
        }
        assertThat((String) SERVICES.get("prometheus").get("image")).matches("prom/prometheus:v[0-9.]+");
        assertThat((String) SERVICES.get("grafana").get("image")).matches("grafana/grafana:[0-9.]+");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) SERVICES.get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try (Reader file = Files.newBufferedReader(compose())) {
            Map<String, Object> compose = new Yaml().load(file);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path compose() {
        return Path.of("..", "docker-compose.yml");
    }

}
