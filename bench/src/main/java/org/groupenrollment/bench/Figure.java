package org.groupenrollment.bench;

/** One measured figure next to its baseline from the same run, and the target that relates them. */
record Figure(String scenario, String metric, double value, String unit, String baseline, double baselineValue,
        String target, Boolean met) {

    static Figure alone(String scenario, String metric, double value, String unit) {
        return new Figure(scenario, metric, value, unit, "", Double.NaN, "", null);
    }

    double ratio() {
        return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
