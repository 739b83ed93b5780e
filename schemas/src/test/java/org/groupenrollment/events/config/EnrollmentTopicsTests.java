package org.groupenrollment.events.config;

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
    }

    @Test
    void theSharedConfigurationGivesEveryTopicItsPartitionsAndReplicas() {
        assertThat(topics.partitions()).isEqualTo(6);
        assertThat(topics.replicationFactor()).isEqualTo((short) 1);
    }

}
