package io.dossierpulse.perf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Latency percentiles per offered rate and measure, one row each: a bar up to p99, a mark at p50
 * and at the maximum, on a logarithmic millisecond axis with the targets drawn across.
 */
final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int LEFT = 270;
    private static final int RIGHT = 170;
    private static final int TOP = 116;
    private static final int ROW = 34;
    private static final int BAR = 20;
    private static final int LOW_DECADE = 0;
    private static final int HIGH_DECADE = 5;
    private static final Color[] COLOURS = {new Color(0x3b75af), new Color(0x519e3e), new Color(0xe0803a)};

    /** One row: what, at which rate, its percentiles in ms (NaN when nothing was measured). */
    record Row(String label, int colour, double p50, double p99, double max) {
    }

    /** A vertical line across the plot, e.g. a target. */
    record Mark(String label, double millis) {
    }

    private LatencyChart() {
    }

    static void write(String title, String subtitle, List<Row> rows, List<Mark> marks, List<Path> files)
            throws IOException {
        int plotBottom = TOP + rows.size() * ROW;
        int height = plotBottom + 60;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartImage.begin(img, title, subtitle);
        try {
            g.drawString("bar: p99    thin mark: p50    dot: maximum", 20, 78);
            grid(g, plotBottom);
            for (int i = 0; i < marks.size(); i++) {
                Mark m = marks.get(i);
                int x = x(m.millis());
                g.setColor(new Color(0xc03030));
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                g.drawLine(x, TOP - 8, x, plotBottom);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                // Labels alternate between two lines, so that close marks do not print over each other.
                g.drawString(m.label(), x + 4, TOP - 10 - 14 * (i % 2));
            }
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < rows.size(); i++) {
                row(g, rows.get(i), TOP + i * ROW + (ROW - BAR) / 2);
            }
        } finally {
            g.dispose();
        }
        ChartImage.save(img, files);
    }

    private static void row(Graphics2D g, Row r, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(r.label(), LEFT - 10 - fm.stringWidth(r.label()), y + BAR / 2 + fm.getAscent() / 2 - 2);
        if (Double.isNaN(r.p99())) {
            g.setColor(new Color(0x888888));
            g.drawString("not measured", LEFT + 8, y + BAR / 2 + fm.getAscent() / 2 - 2);
            return;
        }
        Color c = COLOURS[r.colour() % COLOURS.length];
        g.setColor(c);
        g.fillRect(LEFT, y, Math.max(1, x(r.p99()) - LEFT), BAR);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        int p50 = x(r.p50());
        g.drawLine(p50, y - 3, p50, y + BAR + 3);
        int max = x(r.max());
        g.fillOval(max - 4, y + BAR / 2 - 4, 8, 8);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0x333333));
        String text = String.format("p50 %s  p99 %s  max %s ms", ms(r.p50()), ms(r.p99()), ms(r.max()));
        g.drawString(text, Math.max(x(r.max()), x(r.p99())) + 10, y + BAR / 2 + 5);
    }

    private static void grid(Graphics2D g, int plotBottom) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int d = LOW_DECADE; d <= HIGH_DECADE; d++) {
            for (int m = 1; m <= (d == HIGH_DECADE ? 1 : 9); m++) {
                int x = x(m * Math.pow(10, d));
                g.setColor(m == 1 ? new Color(0xd0d0d0) : new Color(0xf0f0f0));
                g.drawLine(x, TOP - 4, x, plotBottom);
                if (m == 1) {
                    String label = d >= 3 ? (long) Math.pow(10, d - 3) + " s" : (long) Math.pow(10, d) + " ms";
                    g.setColor(new Color(0x666666));
                    g.drawString(label, x - fm.stringWidth(label) / 2, plotBottom + 16);
                }
            }
        }
        g.setColor(new Color(0x666666));
        g.drawString("milliseconds (logarithmic scale)", LEFT, plotBottom + 34);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(LEFT, TOP - 4, LEFT, plotBottom);
    }

    /** The x of a value in ms; values below 1 ms sit on the axis, above the range at its end. */
    private static int x(double millis) {
        double decades = Math.log10(Math.max(1, millis)) - LOW_DECADE;
        double share = Math.min(1, decades / (HIGH_DECADE - LOW_DECADE));
        return LEFT + (int) Math.round(share * (WIDTH - LEFT - RIGHT));
    }

    private static String ms(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }
}
