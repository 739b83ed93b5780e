package org.groupenrollment.eligibility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EligibilityProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(EligibilityProcessorApplication.class, args);
    }
}
