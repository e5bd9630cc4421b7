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

/** A horizontal bar chart of the stages' rates, drawn with java.awt (headless) into a PNG. */
final class ThroughputChart {

    private static final int WIDTH = 1000;
    private static final int LEFT = 300;
    private static final int RIGHT = 190;
    private static final int TOP = 92;
    private static final int ROW = 64;
    private static final int BAR = 38;
    private static final Color[] COLOURS = {new Color(0x7f7f7f), new Color(0x3b75af), new Color(0xe0803a),
            new Color(0x5a9e55)};

    record Bar(String label, double eventsPerSecond, String annotation) {
    }

    private ThroughputChart() {
    }

    static void write(String title, String subtitle, List<Bar> bars, List<Path> files) throws IOException {
        int height = TOP + bars.size() * ROW + 56;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartImage.begin(img, title, subtitle);
        try {

            // A logarithmic axis: the rates span three orders of magnitude, and on a linear one the
            // slowest bar would be a sliver. The ratios are written next to the bars.
            double min = bars.stream().mapToDouble(Bar::eventsPerSecond).min().orElse(1);
            double max = bars.stream().mapToDouble(Bar::eventsPerSecond).max().orElse(10);
            int lowDecade = (int) Math.floor(Math.log10(Math.max(1, min)));
            int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(Math.max(1, max))));
            int plotWidth = WIDTH - LEFT - RIGHT;
            int plotBottom = TOP + bars.size() * ROW;
            drawGrid(g, lowDecade, highDecade, plotWidth, plotBottom);

            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                int y = TOP + i * ROW + (ROW - BAR) / 2;
                double position = (Math.log10(Math.max(1, b.eventsPerSecond())) - lowDecade) / (highDecade - lowDecade);
                int w = (int) Math.round(position * plotWidth);
                g.setColor(COLOURS[i % COLOURS.length]);
                g.fillRect(LEFT, y, Math.max(1, w), BAR);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(b.label(), LEFT - 12 - fm.stringWidth(b.label()), y + BAR / 2 + fm.getAscent() / 2 - 2);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                String value = String.format("%,.0f events/s", b.eventsPerSecond());
                g.drawString(value, LEFT + w + 8, y + BAR / 2 - 2);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(new Color(0x444444));
                g.drawString(b.annotation(), LEFT + w + 8, y + BAR / 2 + 14);
            }
        } finally {
            g.dispose();
        }
        ChartImage.save(img, files);
    }

    private static void drawGrid(Graphics2D g, int lowDecade, int highDecade, int plotWidth, int plotBottom) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int decades = highDecade - lowDecade;
        for (int d = 0; d <= decades; d++) {
            for (int m = 1; m <= (d == decades ? 1 : 9); m++) {
                double x0 = (d + Math.log10(m)) / decades;
                int x = LEFT + (int) Math.round(x0 * plotWidth);
                g.setStroke(new BasicStroke(1f));
                g.setColor(m == 1 ? new Color(0xd0d0d0) : new Color(0xf0f0f0));
                g.drawLine(x, TOP - 4, x, plotBottom);
                if (m == 1) {
                    g.setColor(new Color(0x666666));
                    String label = decadeLabel(lowDecade + d);
                    g.drawString(label, x - fm.stringWidth(label) / 2, plotBottom + 16);
                }
            }
        }
        g.setColor(new Color(0x666666));
        g.drawString("events per second (logarithmic scale)", LEFT, plotBottom + 34);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(LEFT, TOP - 4, LEFT, plotBottom);
    }

    private static String decadeLabel(int decade) {
        if (decade >= 6) {
            return (long) Math.pow(10, decade - 6) + "M";
        }
        if (decade >= 3) {
            return (long) Math.pow(10, decade - 3) + "k";
        }
        return String.valueOf((long) Math.pow(10, decade));
    }
}
