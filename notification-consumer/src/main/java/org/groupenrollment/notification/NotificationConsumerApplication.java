package org.groupenrollment.notification;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationConsumerApplication {

    /**
     * The configuration file is {@value #CONFIG_NAME}.yml, so the services can share a
     * classpath in tests.
     */
    public static final String CONFIG_NAME = "notification-consumer";

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(NotificationConsumerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    public static void main(String[] args) {
        application().run(args);
    }

}
