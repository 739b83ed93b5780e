package org.groupenrollment.signup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SignupProducerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignupProducerApplication.class, args);
    }
}
