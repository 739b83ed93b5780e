package org.groupenrollment.signup.web;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.catalog.Schedules;
import org.groupenrollment.signup.place.AvailabilityView;
import org.groupenrollment.signup.place.PlaceActions;
import org.groupenrollment.signup.place.PlaceSettings;
import org.groupenrollment.signup.place.PlaceView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The place feature for the web slice tests: the real view, actions and links (signed
 * with the slice's secret), and Kafka replaced by a recorder.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PlaceView.class, AvailabilityView.class, PlaceActions.class, Schedules.class, GroupOffers.class })
@EnableConfigurationProperties(PlaceSettings.class)
class PlaceTestConfiguration {

    @Bean
    RecordingSeatRequests recordingSeatRequests() {
        return new RecordingSeatRequests();
    }

    @Bean
    PlaceLinks placeLinks(HmacKeys keys) {
        return new PlaceLinks(keys);
    }

}
