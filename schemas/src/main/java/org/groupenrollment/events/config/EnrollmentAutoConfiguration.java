package org.groupenrollment.events.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds the topics once for every service that has the schemas on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(EnrollmentTopics.class)
public class EnrollmentAutoConfiguration {

}
