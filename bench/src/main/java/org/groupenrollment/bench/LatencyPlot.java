package org.groupenrollment.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The distribution of end-to-end latencies per rate, as percentile curves (x: percentile,
 * y: ms).
 */
final class LatencyPlot {

    private static final Color[] COLORS = { new Color(0x1a5fb4), new Color(0xc01c28), new Color(0x26a269) };

    private static final int WIDTH = 900;

    private static final int HEIGHT = 520;

    private static final int LEFT = 80;

    private static final int BOTTOM = 60;

    private LatencyPlot() {
    }

    static void write(List<EndToEnd.Run> runs, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxMillis = runs.stream().mapToDouble(run -> run.latencies().percentileMillis(99.9)).max().orElse(1)
                * 1.1;
        axes(g, maxMillis);
        for (int r = 0; r < runs.size(); r++) {
            long[] sorted = runs.get(r).latencies().sortedNanos();
            g.setColor(COLORS[r % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < sorted.length; i++) {
                double percentile = 100.0 * (i + 1) / sorted.length;
                int x = LEFT + (int) ((WIDTH - LEFT - 20) * percentile / 100.0);
                int y = HEIGHT - BOTTOM - (int) ((HEIGHT - BOTTOM - 40) * Math.min(1, sorted[i] / 1e6 / maxMillis));
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawString(
                    runs.get(r).rate() + " signups/s: p50 " + Math.round(runs.get(r).latencies().percentileMillis(50))
                            + " ms, p99 " + Math.round(runs.get(r).latencies().percentileMillis(99)) + " ms",
                    LEFT + 20, 50 + 20 * r);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void axes(Graphics2D g, double maxMillis) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - 20, HEIGHT - BOTTOM);
        g.drawLine(LEFT, 40, LEFT, HEIGHT - BOTTOM);
        g.drawString("End-to-end latency, HTTP submit to SMTP acceptance", LEFT, 25);
        for (int p = 0; p <= 100; p += 10) {
            int x = LEFT + (WIDTH - LEFT - 20) * p / 100;
            g.drawString(p + "%", x - 10, HEIGHT - BOTTOM + 18);
        }
        g.drawString("percentile of signups", WIDTH / 2 - 60, HEIGHT - 15);
        for (int i = 0; i <= 5; i++) {
            int y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 40) * i / 5;
            g.drawString(Math.round(maxMillis * i / 5) + " ms", 10, y + 5);
        }
    }

}
