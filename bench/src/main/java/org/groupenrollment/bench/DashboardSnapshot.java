package org.groupenrollment.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Draws the committed Grafana dashboard's panels from a real Prometheus: each panel's own
 * queries, run over the last minutes with {@code query_range}, laid out by the panels'
 * grid positions, each series named by the panel's legend format. For where Grafana
 * itself cannot run: the figures are the ones Grafana would plot, the drawing is this
 * class's, and the image says so.
 * <p>
 * {@code DashboardSnapshot <dashboard.json> <prometheus url> <minutes> <out.png>}
 */
public final class DashboardSnapshot {

    private static final int COLUMN = 46;

    private static final int ROW = 34;

    private static final int HEADER = 44;

    private static final int FOOTER = 28;

    private static final int LEGEND_LINES = 4;

    private static final Color[] COLORS = { new Color(0x1a5fb4), new Color(0xc01c28), new Color(0x26a269),
            new Color(0xe66100), new Color(0x813d9c), new Color(0x986a44), new Color(0x2ec27e), new Color(0x5e5c64),
            new Color(0xf5c211), new Color(0x62a0ea) };

    private static final Pattern LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String prometheus;

    private final long end;

    private final long start;

    private DashboardSnapshot(String prometheus, int minutes) {
        this.prometheus = prometheus;
        this.end = Instant.now().getEpochSecond();
        this.start = end - minutes * 60L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "Usage: DashboardSnapshot <dashboard.json> <prometheus url> <minutes> <out.png>");
        }
        System.setProperty("java.awt.headless", "true");
        new DashboardSnapshot(args[1], Integer.parseInt(args[2])).draw(Path.of(args[0]), Path.of(args[3]));
    }

    private void draw(Path dashboardFile, Path out) throws IOException, InterruptedException {
        JsonNode dashboard = json.readTree(dashboardFile.toFile());
        int rows = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            rows = Math.max(rows, panel.at("/gridPos/y").asInt() + panel.at("/gridPos/h").asInt());
        }
        int width = 24 * COLUMN;
        int height = HEADER + rows * ROW + FOOTER;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf4f5f5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(dashboard.path("title").asText() + "   " + CLOCK.format(Instant.ofEpochSecond(start)) + " to "
                + CLOCK.format(Instant.ofEpochSecond(end)) + " UTC", 12, 28);
        for (JsonNode panel : dashboard.path("panels")) {
            JsonNode at = panel.path("gridPos");
            panel(g, panel, at.path("x").asInt() * COLUMN + 6, HEADER + at.path("y").asInt() * ROW + 6,
                    at.path("w").asInt() * COLUMN - 12, at.path("h").asInt() * ROW - 12);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Each panel's queries from observability/grafana/dashboards, run on Prometheus; drawn by"
                + " bench's DashboardSnapshot, not by Grafana.", 12, height - 10);
        g.dispose();
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(image, "png", out.toFile());
    }

    private void panel(Graphics2D g, JsonNode panel, int x, int y, int w, int h)
            throws IOException, InterruptedException {
        List<Series> series = new ArrayList<>();
        for (JsonNode target : panel.path("targets")) {
            series.addAll(query(target.path("expr").asText(), target.path("legendFormat").asText()));
        }
        g.setColor(Color.WHITE);
        g.fillRect(x, y, w, h);
        g.setColor(new Color(0xd0d0d0));
        g.drawRect(x, y, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(panel.path("title").asText(), x + 8, y + 18);
        String unit = panel.at("/fieldConfig/defaults/unit").asText("short");
        double max = series.stream().flatMap(s -> s.values.stream()).mapToDouble(point -> point[1]).max().orElse(0);
        double top = max <= 0 ? 1 : max * 1.1;
        int plotLeft = x + 62;
        int plotTop = y + 28;
        int plotWidth = w - 72;
        int legendHeight = 14 * Math.min(LEGEND_LINES, Math.max(1, (series.size() + 1) / 2));
        int plotHeight = h - 28 - 22 - legendHeight;
        axes(g, unit, top, plotLeft, plotTop, plotWidth, plotHeight);
        g.setStroke(new BasicStroke(1.6f));
        for (int i = 0; i < series.size(); i++) {
            g.setColor(COLORS[i % COLORS.length]);
            int[] previous = null;
            for (double[] point : series.get(i).values) {
                int[] now = { plotLeft + (int) (plotWidth * (point[0] - start) / (end - start)),
                        plotTop + plotHeight - (int) (plotHeight * point[1] / top) };
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], now[0], now[1]);
                }
                previous = now;
            }
        }
        legend(g, series, x + 8, plotTop + plotHeight + 30, w - 16);
        if (series.isEmpty()) {
            g.setColor(Color.GRAY);
            g.drawString("No data", plotLeft + plotWidth / 2 - 20, plotTop + plotHeight / 2);
        }
    }

    private void axes(Graphics2D g, String unit, double top, int left, int plotTop, int width, int height) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        FontMetrics metrics = g.getFontMetrics();
        for (int tick = 0; tick <= 4; tick++) {
            int yAt = plotTop + height - height * tick / 4;
            g.setColor(new Color(0xeeeeee));
            g.drawLine(left, yAt, left + width, yAt);
            g.setColor(Color.DARK_GRAY);
            String label = Units.format(top * tick / 4, unit);
            g.drawString(label, left - 6 - metrics.stringWidth(label), yAt + 4);
        }
        for (int tick = 0; tick <= 4; tick++) {
            int xAt = left + width * tick / 4;
            String label = CLOCK.format(Instant.ofEpochSecond(start + (end - start) * tick / 4));
            g.drawString(label, xAt - metrics.stringWidth(label) / 2, plotTop + height + 14);
        }
    }

    private void legend(Graphics2D g, List<Series> series, int x, int y, int width) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int column = width / 2;
        int shown = Math.min(series.size(), LEGEND_LINES * 2);
        for (int i = 0; i < shown; i++) {
            int at = x + (i % 2) * column;
            int line = y + (i / 2) * 14;
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(at, line - 8, 10, 3);
            g.setColor(Color.DARK_GRAY);
            String name = i == shown - 1 && shown < series.size()
                    ? series.get(i).name + "  (+" + (series.size() - shown) + " more)" : series.get(i).name;
            g.drawString(clipped(name, g.getFontMetrics(), column - 20), at + 14, line - 3);
        }
    }

    private static String clipped(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String shorter = text;
        while (!shorter.isEmpty() && metrics.stringWidth(shorter + "...") > width) {
            shorter = shorter.substring(0, shorter.length() - 1);
        }
        return shorter + "...";
    }

    private List<Series> query(String expr, String legendFormat) throws IOException, InterruptedException {
        String url = prometheus + "/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + start + "&end=" + end + "&step=15";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("Prometheus refused " + expr + ": " + answer.path("error").asText());
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode result : answer.at("/data/result")) {
            List<double[]> values = new ArrayList<>();
            for (JsonNode point : result.path("values")) {
                double value = Double.parseDouble(point.get(1).asText());
                if (Double.isFinite(value)) {
                    values.add(new double[] { point.get(0).asDouble(), value });
                }
            }
            series.add(new Series(legend(legendFormat, result.path("metric")), values));
        }
        return series;
    }

    private static String legend(String format, JsonNode labels) {
        Matcher matcher = LABEL.matcher(format);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(name, Matcher.quoteReplacement(labels.path(matcher.group(1)).asText()));
        }
        matcher.appendTail(name);
        return name.toString().trim().replaceAll("\\s+", " ");
    }

    private record Series(String name, List<double[]> values) {
    }

    /** Grafana's units, as far as the dashboard uses them. */
    static final class Units {

        private Units() {
        }

        static String format(double value, String unit) {
            return switch (unit) {
                case "reqps" -> compact(value) + " req/s";
                case "ops" -> compact(value) + " ops/s";
                case "s" -> value < 1 ? compact(value * 1000) + " ms" : compact(value) + " s";
                case "bytes" -> compact(value / (1024 * 1024)) + " MiB";
                case "percentunit" -> compact(value * 100) + "%";
                default -> compact(value);
            };
        }

        private static String compact(double value) {
            if (value == Math.rint(value) || value >= 100) {
                return String.format("%.0f", value);
            }
            return value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
        }

    }

}
