package org.groupenrollment.events.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentTopicsTests {

    private final EnrollmentTopics topics = EnrollmentTopics.fromSharedConfiguration();

    @Test
    void theSharedConfigurationNamesEveryTopicOnceAndDistinctly() {
        assertThat(topics.signupsSubmitted()).isEqualTo("enrollment.signups.submitted");
        assertThat(topics.signupsDeadLetter()).isEqualTo("enrollment.signups.submitted.dlt");
        assertThat(topics.outcomes()).containsExactly("enrollment.seats.reserved", "enrollment.signups.waitlisted",
                "enrollment.signups.redirected-to-dbt");
        assertThat(topics.outcomes()).doesNotContain(topics.signupsSubmitted(), topics.signupsDeadLetter());
        assertThat(List.of(topics.signupsSubmitted(), topics.seatRequests(), topics.seatsReserved(),
                topics.signupsWaitlisted(), topics.redirectedToDbt(), topics.seatsConfirmed(), topics.seatsReleased(),
                topics.waitlistPlacesLeft(), topics.capacityChanged(), topics.groupAvailability(), topics.places(),
                topics.signupsDeadLetter(), topics.seatRequestsDeadLetter(), topics.staffAudit(),
                topics.emailResends()))
            .doesNotHaveDuplicates()
            .allSatisfy(name -> assertThat(name).startsWith("enrollment."));
        assertThat(topics.placeChanges()).containsExactly("enrollment.seats.confirmed", "enrollment.seats.released",
                "enrollment.waitlist.places-left");
    }

    @Test
    void everyDeadLetterTopicIsListedTheProcessorsTwoAndOnePerNotifiedTopic() {
        assertThat(topics.notified()).hasSize(6).containsAll(topics.outcomes()).containsAll(topics.placeChanges());
        assertThat(topics.deadLetters()).containsExactly("enrollment.signups.submitted.dlt",
                "enrollment.seats.requests.dlt", "enrollment.seats.reserved.dlt", "enrollment.signups.waitlisted.dlt",
                "enrollment.signups.redirected-to-dbt.dlt", "enrollment.seats.confirmed.dlt",
                "enrollment.seats.released.dlt", "enrollment.waitlist.places-left.dlt");
    }

    @Test
    void theSharedConfigurationGivesEveryTopicItsPartitionsAndReplicas() {
        assertThat(topics.partitions()).isEqualTo(6);
        assertThat(topics.replicationFactor()).isEqualTo((short) 1);
    }

}
