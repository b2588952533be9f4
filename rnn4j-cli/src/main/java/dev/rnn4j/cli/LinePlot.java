package dev.rnn4j.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small PNG line chart with a log10 y axis, drawn with java.awt (headless). */
final class LinePlot {

    /** One line: its name, colour, dash, and y values at x = 0, 1, 2, …. */
    record Series(String name, Color color, boolean dashed, double[] y) {
    }

    private LinePlot() {
    }

    static void writePng(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        int w = 900;
        int h = 560;
        int left = 90;
        int right = 230;
        int top = 50;
        int bottom = 70;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Series s : series) {
            n = Math.max(n, s.y().length);
            for (double v : s.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    minY = Math.min(minY, Math.log10(v));
                    maxY = Math.max(maxY, Math.log10(v));
                }
            }
        }
        double lo = Math.floor(minY);
        double hi = Math.ceil(maxY);
        if (hi <= lo) {
            hi = lo + 1;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = (int) lo; d <= (int) hi; d++) {
            int y = top + (int) Math.round(ph * (hi - d) / (hi - lo));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, left + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString("1e" + d, left - 45, y + 4);
        }
        int xTicks = 10;
        for (int i = 0; i <= xTicks; i++) {
            int xv = (n - 1) * i / xTicks;
            int x = left + (int) Math.round(pw * (double) xv / Math.max(1, n - 1));
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(xv), x - 8, top + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(xLabel, left + pw / 2 - 60, h - 25);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + ph / 2 + 80), 25);
        g.rotate(Math.PI / 2);
        int legendY = top + 10;
        for (Series s : series) {
            float[] dash = s.dashed() ? new float[] {6f, 4f} : null;
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
            g.setColor(s.color());
            // One path per line, so a dash pattern runs along the whole curve instead of restarting per segment.
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < s.y().length; i++) {
                double v = s.y()[i];
                if (!(v > 0) || !Double.isFinite(v)) {
                    open = false;
                    continue;
                }
                double x = left + pw * (double) i / Math.max(1, n - 1);
                double y = top + ph * (hi - Math.log10(v)) / (hi - lo);
                if (open) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    open = true;
                }
            }
            g.draw(path);
            g.drawLine(left + pw + 15, legendY, left + pw + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), left + pw + 52, legendY + 4);
            legendY += 22;
        }
        g.dispose();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("No PNG writer is available to write " + file + ".");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }
}
