package org.groupenrollment.events.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Catalog files as a deployment writes them, to point a service at with
 * {@code enrollment.catalog}.
 */
public final class CatalogFiles {

    private CatalogFiles() {
    }

    /**
     * A catalog of the given groups, each with one Tuesday-evening cohort
     * {@code <group>-small} of the given capacity, first meeting on 5 January 2027;
     * returns the file's {@code enrollment.catalog} value.
     */
    public static String oneSmallCohortEach(Path dir, Map<String, Integer> capacityByGroup) {
        StringBuilder yaml = new StringBuilder("enrollment:\n  groups:\n");
        new TreeMap<>(capacityByGroup).forEach((group, capacity) -> yaml
            .append("""
                        %1$s:
                          name: %1$s
                          cohorts:
                            - {id: %1$s-small, day: TUESDAY, start: "20:00", duration: 90m, time-zone: America/New_York, capacity: %2$d, first-session: 2027-01-05}
                    """
                .formatted(group, capacity)));
        try {
            return "file:" + Files.writeString(dir.resolve("catalog.yml"), yaml);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write a catalog file in " + dir, ex);
        }
    }

}
