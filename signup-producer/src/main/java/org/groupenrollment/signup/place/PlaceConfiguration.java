package org.groupenrollment.signup.place;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Links are read with the same secret the notifier signs them with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaceSettings.class)
class PlaceConfiguration {

    @Bean
    PlaceLinks placeLinks(HmacKeys keys) {
        return new PlaceLinks(keys);
    }

}
