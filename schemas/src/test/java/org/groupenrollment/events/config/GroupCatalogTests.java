package org.groupenrollment.events.config;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCatalogTests {

    @Test
    void thePackagedCatalogOffersTheNineGroupsInCatalogOrder() {
        GroupCatalog catalog = GroupCatalog.packaged();

        assertThat(catalog.groups().keySet()).containsExactly("anger-management", "anxiety", "borderline-personality",
                "chronic-illness", "depression", "grief-and-loss", "ocd", "relationship-issues", "trauma-and-ptsd");
        assertThat(catalog.groups().get("anxiety").cohorts()).extracting(GroupCatalog.Cohort::day)
            .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY);
    }

}
