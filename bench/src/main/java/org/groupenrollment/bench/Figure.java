package org.groupenrollment.bench;

import java.util.Collections;
import java.util.List;

/**
 * One measured figure next to its baseline from the same run, and the target that relates
 * them.
 */
record Figure(String scenario, String metric, double value, String unit, String baseline, double baselineValue,
        String target, Boolean met) {

    static Figure alone(String scenario, String metric, double value, String unit) {
        return new Figure(scenario, metric, value, unit, "", Double.NaN, "", null);
    }

    /**
     * The spread behind a figure pooled from alternating rounds: its lowest and highest
     * round.
     */
    static List<Figure> roundRatios(String scenario, List<Double> ratios) {
        return List.of(alone(scenario, "ratio, lowest of " + ratios.size() + " rounds", Collections.min(ratios), "x"),
                alone(scenario, "ratio, highest of " + ratios.size() + " rounds", Collections.max(ratios), "x"));
    }

    double ratio() {
        return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
