package fr.grd.mes.tools.benchmark;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The run's two charts (PNG, drawn with Java2D): per variant the two bounds and what was achieved (log scale), and
 * the throughput–latency curve.
 */
final class Charts {
    private Charts() {
    }

    /** Per variant, the two bounds and what was achieved (log scale). */
    static void chart(Path file, List<Result> results) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int rowHeight = 26;
        int height = 70 + results.size() * (3 * rowHeight + 24);
        BufferedImage image = new BufferedImage(720, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 720, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Cases per second: achieved vs bounds, per variant (same run, log scale)", 20, 25);
        int left = 200;
        int width = 470;
        double top = Math.log10(10_000);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setStroke(new BasicStroke(0.5f));
        for (int decade = 0; decade <= 4; decade++) {
            int x = left + (int) (width * decade / top);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(x, 40, x, height - 10);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,d", (int) Math.pow(10, decade)), x + 2, 48);
        }
        Color[] colors = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B)};
        String[] labels = {"Kafka-only bound", "composite bound", "achieved (max rate)"};
        int y = 60;
        for (Result r : results) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(r.variant().name(), 20, y + 12);
            y += 16;
            double[] values = {r.kafkaBound(), r.compositeBound(), r.max().casesPerSecond()};
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < 3; i++) {
                int bar = (int) (width * Math.max(0, Math.log10(Math.max(1, values[i]))) / top);
                g.setColor(colors[i]);
                g.fillRect(left, y, Math.max(bar, 1), rowHeight - 6);
                g.setColor(Color.DARK_GRAY);
                g.drawString(labels[i], 30, y + 14);
                g.drawString(String.format("%,.1f", values[i]), left + bar + 5, y + 14);
                y += rowHeight;
            }
            y += 8;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * The throughput–latency curve of the last variant with one: achieved cases/s (x) against accepted → planned
     * latency (y, log scale, p50 dotted and p99 solid), the closed-loop points labelled by cases in flight and the
     * open-loop points by offered rate; the composite bound as a vertical line.
     */
    static void curveChart(Path file, List<Result> results) throws Exception {
        Result r = results.stream().filter(x -> !x.curve().isEmpty()).reduce((a, b) -> b).orElseThrow();
        Files.createDirectories(file.toAbsolutePath().getParent());
        int w = 760;
        int h = 460;
        int left = 70;
        int right = w - 30;
        int top = 50;
        int bottom = h - 60;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        // the x axis fits the points; a bound beyond it is written at the right edge instead of squashing the curve
        double maxX = r.curve().stream().mapToDouble(Phase::casesPerSecond).max().orElse(1) * 1.3;
        boolean boundOnScale = r.compositeBound() <= maxX;
        double minY = 1;
        double maxY = 100_000;
        DoubleUnaryOperator x = v -> left + (right - left) * v / maxX;
        DoubleUnaryOperator y = v -> bottom - (bottom - top) * (Math.log10(Math.max(minY, v))
                - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY));
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Throughput vs latency, accepted → intervention planned (" + r.variant().name() + ")", 20, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int decade = 0; decade <= 5; decade++) {
            int yy = (int) y.applyAsDouble(Math.pow(10, decade));
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,d ms", (int) Math.pow(10, decade)), 8, yy + 4);
        }
        for (int k = 0; k <= 5; k++) {
            double v = maxX * k / 5;
            int xx = (int) x.applyAsDouble(v);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(xx, top, xx, bottom);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,.0f", v), xx - 8, bottom + 14);
        }
        g.drawString("cases/s achieved", (left + right) / 2 - 40, bottom + 32);
        g.setColor(new Color(0xF58518));
        if (boundOnScale) {
            int bound = (int) x.applyAsDouble(r.compositeBound());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 4}, 0));
            g.drawLine(bound, top, bound, bottom);
            g.drawString(String.format("composite bound %,.0f/s", r.compositeBound()), Math.max(left, bound - 150),
                    top - 4);
        } else {
            g.drawString(String.format("composite bound %,.0f/s (off the scale) →", r.compositeBound()), right - 230,
                    top - 4);
        }
        Color[] colors = {new Color(0x4C78A8), new Color(0x54A24B)};
        String[] names = {"closed loop (cases in flight)", "open loop (offered rate)"};
        for (int series = 0; series < 2; series++) {
            boolean closed = series == 0;
            // in order of load (the knee's bisection and the half-knee point are measured after the others)
            List<Phase> points = r.curve().stream().filter(p -> p.closedLoop() == closed && p.planned().getTotalCount() > 0)
                    .sorted(java.util.Comparator.comparingDouble(p -> closed ? p.inFlight() : p.offered())).toList();
            g.setColor(colors[series]);
            for (int pct = 0; pct < 2; pct++) {
                double percentile = pct == 0 ? 50 : 99;
                g.setStroke(pct == 0 ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
                        new float[]{2, 3}, 0) : new BasicStroke(2f));
                for (int i = 1; i < points.size(); i++) {
                    Phase a = points.get(i - 1);
                    Phase b = points.get(i);
                    g.drawLine((int) x.applyAsDouble(a.casesPerSecond()), (int) y.applyAsDouble(
                                    a.planned().getValueAtPercentile(percentile)),
                            (int) x.applyAsDouble(b.casesPerSecond()), (int) y.applyAsDouble(
                                    b.planned().getValueAtPercentile(percentile)));
                }
            }
            for (Phase p : points) {
                int px = (int) x.applyAsDouble(p.casesPerSecond());
                int py = (int) y.applyAsDouble(p.planned().getValueAtPercentile(99));
                g.fillOval(px - 4, py - 4, 8, 8);
                g.drawString(closed ? String.valueOf(p.inFlight()) : String.format("%.0f/s", p.offered()), px + 6,
                        py - 6 + (closed ? 0 : 14));
            }
            g.fillRect(left + 10, top + 8 + series * 16, 10, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names[series] + " — p99 solid, p50 dotted", left + 26, top + 17 + series * 16);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
