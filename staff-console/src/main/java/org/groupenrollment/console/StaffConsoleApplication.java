package org.groupenrollment.console;

import java.util.Map;

import org.groupenrollment.events.config.GroupCatalog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(GroupCatalog.class)
public class StaffConsoleApplication {

    /**
     * The configuration file is {@value #CONFIG_NAME}.yml, so the services can share a
     * classpath in tests.
     */
    public static final String CONFIG_NAME = "staff-console";

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(StaffConsoleApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    public static void main(String[] args) {
        application().run(args);
    }

}
