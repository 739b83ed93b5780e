package org.groupenrollment.signup.kafka;

import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.signup.place.Availability;
import org.groupenrollment.signup.place.AvailabilityView;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the place and availability views from their compacted topics. Every instance
 * reads them all (its own consumer group, from the beginning), since any instance may be
 * asked about any place or show any group. A record it cannot read is skipped: the views
 * are a reading of the processor's truth, which stays intact.
 */
@Component
@KafkaListener(id = "place-view", groupId = "signup-producer-places-${random.uuid}",
        topics = { "${enrollment.topics.places}", "${enrollment.topics.group-availability}" },
        properties = { "auto.offset.reset=earliest", "isolation.level=read_committed" },
        containerFactory = "outcomeListenerContainerFactory")
class PlaceViewListener {

    private static final Logger log = LoggerFactory.getLogger(PlaceViewListener.class);

    private final PlaceView places;

    private final AvailabilityView availability;

    private final AvailabilityGauges gauges;

    PlaceViewListener(PlaceView places, AvailabilityView availability, AvailabilityGauges gauges) {
        this.places = places;
        this.availability = availability;
        this.gauges = gauges;
    }

    @KafkaHandler
    void on(PlaceStatus status) {
        if (status.getState() == PlaceState.UNKNOWN) {
            log.warn("Place of signup {} is in a state this version does not know; not shown", status.getSignupId());
            return;
        }
        places.on(new Place(status.getSignupId(), status.getGroupId(), Place.State.valueOf(status.getState().name()),
                status.getCohortId(), status.getSeatNumber(), status.getHoldExpiresAt(), status.getWaitlistTicket(),
                status.getOriginalSignupId(), status.getChangedAt()));
    }

    @KafkaHandler
    void on(GroupAvailability group) {
        Availability seats = new Availability(group.getGroupId(), group.getCohorts()
            .stream()
            .map(cohort -> new Availability.Cohort(cohort.getCohortId(), cohort.getCapacity(), cohort.getFree()))
            .toList(), group.getWaitlistLength());
        availability.on(seats);
        gauges.on(seats);
    }

    @KafkaHandler(isDefault = true)
    void onOther(Object other) {
        log.debug("Nothing to show for a {}", other.getClass().getName());
    }

}
