package org.groupenrollment.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary table, and the same figures as CSV and JSON. */
final class Report {

    private Report() {
    }

    static void print(List<Figure> figures, PrintStream out) {
        out.println();
        out.printf("%-8s %-48s %12s %-11s %-50s %12s %6s %-18s %s%n", "bench", "figure", "value", "unit",
                "baseline (same run)", "baseline", "ratio", "target", "met");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-8s %-48s %12s %-11s %-50s %12s %6s %-18s %s%n", f.scenario(), f.metric(),
                    // Small figures (milliseconds of CPU per request) need their second
                    // decimal.
                    String.format(Locale.ROOT, Math.abs(f.value()) < 10 ? "%.2f" : "%.1f", f.value()), f.unit(),
                    f.baseline(),
                    Double.isNaN(f.baselineValue()) ? "" : String.format(Locale.ROOT, "%.1f", f.baselineValue()),
                    Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()), f.target(),
                    f.met() == null ? "" : f.met() ? "yes" : "NO");
        }
    }

    static void write(List<Figure> figures, Path dir) throws IOException {
        Files.createDirectories(dir);
        String csv = "scenario,figure,value,unit,baseline,baseline_value,ratio,target,met\n" + figures.stream()
            .map(f -> String.join(",", f.scenario(), quote(f.metric()), number(f.value()), quote(f.unit()),
                    quote(f.baseline()), number(f.baselineValue()), number(f.ratio()), quote(f.target()),
                    f.met() == null ? "" : f.met().toString()))
            .collect(Collectors.joining("\n")) + "\n";
        Files.writeString(dir.resolve("results.csv"), csv);
        String json = figures.stream()
            .map(f -> String.format(Locale.ROOT,
                    "  {\"scenario\": %s, \"figure\": %s, \"value\": %s, \"unit\": %s, \"baseline\": %s, \"baselineValue\": %s, \"target\": %s, \"met\": %s}",
                    json(f.scenario()), json(f.metric()), jsonNumber(f.value()), json(f.unit()), json(f.baseline()),
                    jsonNumber(f.baselineValue()), json(f.target()), f.met()))
            .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        Files.writeString(dir.resolve("results.json"), json);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
