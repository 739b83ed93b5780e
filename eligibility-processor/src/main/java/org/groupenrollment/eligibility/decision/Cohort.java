package org.groupenrollment.eligibility.decision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** One weekly meeting slot of a group, with its own seats. */
public record Cohort(String id, DayOfWeek day, LocalTime start, Duration duration, ZoneId timeZone, int capacity,
        LocalDate firstSession) {

    public Cohort {
        if (capacity < 1) {
            throw new IllegalArgumentException("Cohort " + id + " needs a capacity of at least 1, not " + capacity);
        }
    }
}
