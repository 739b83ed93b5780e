package org.groupenrollment.events.config;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Binds the topics and secrets once for every service that has the schemas on its
 * classpath.
 */
@AutoConfiguration
@EnableConfigurationProperties({ EnrollmentTopics.class, EnrollmentSecrets.class })
public class EnrollmentAutoConfiguration {

    /**
     * Created when a service first needs it, so a service that hashes nothing needs no
     * secret.
     */
    @Bean
    @Lazy
    HmacKeys hmacKeys(EnrollmentSecrets secrets, Environment environment) {
        return HmacKeys.from(secrets, Path.of(environment.getRequiredProperty("enrollment.data-dir")),
                environment.matchesProfiles("production"));
    }

}
