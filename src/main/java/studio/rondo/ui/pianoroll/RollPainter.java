package studio.rondo.ui.pianoroll;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import studio.rondo.music.Pitches;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.edit.SnapGrid;

/** Paints one frame of the roll, its keyboard and its velocity lane for a given view; holds no state between frames. */
final class RollPainter {
    static final boolean[] BLACK = {false, true, false, true, false, false, true, false, true, false, true, false};
    private static final Color BACKGROUND_WHITE_ROW = Color.web("#fbfcfe");
    private static final Color BACKGROUND_BLACK_ROW = Color.web("#eef1f6");
    private static final Color PRIMER_SHADE = Color.rgb(120, 130, 150, 0.10);
    private static final Color BAR_LINE = Color.web("#9aa3b5");
    private static final Color BEAT_LINE = Color.web("#d5dbe5");
    private static final Color GRID_LINE = Color.web("#e8ecf2");
    private static final Color PLAYHEAD = Color.web("#e4572e");
    private static final Color RULER = Color.web("#e7eaf0");
    private static final Color TEXT = Color.web("#4a5365");
    private static final Color PRIMER_NOTE = Color.web("#b8bfcc");
    private static final Color JOIN = Color.web("#2e9e6b");
    private static final Color SELECTED_OUTLINE = Color.web("#1b3f9c");
    private static final Color SELECTION = Color.web("#3d6fd6");
    private static final Color HOVER_KEY = Color.web("#cfe0ff");
    private static final Font SMALL = Font.font(10);
    private static final Font SMALL_BOLD = Font.font(null, FontWeight.BOLD, 10);

    /** What one frame shows. Quarters are quarter notes from the piece's start. */
    record View(RollNotes notes, List<TimeSignature> signatures, int resolution, double startQ, double ppq, double keysScrolled,
                double keyHeight, double joinQ, String primerLabel, SnapGrid snap, int hoverKey, double[] band, double playheadQ,
                double[] loopQ) {
    }

    private final View v;
    private double highlightStartQ = Double.NaN, highlightEndQ = Double.NaN;
    private String highlightLabel;
    private static final Color HIGHLIGHT = Color.web("#f2b134", 0.28);
    private static final Color HIGHLIGHT_EDGE = Color.web("#c98a00");

    RollPainter(View view) {
        this.v = view;
    }

    /** Marks a passage (in quarters) with a band and a label. */
    RollPainter highlight(double startQ, double endQ, String label) {
        this.highlightStartQ = startQ;
        this.highlightEndQ = endQ;
        this.highlightLabel = label;
        return this;
    }

    double x(double quarter) {
        return (quarter - v.startQ()) * v.ppq();
    }

    /** y of the top of a key's row, below the ruler. */
    double rowTop(int pitch) {
        return (127 - pitch - v.keysScrolled()) * v.keyHeight();
    }

    /**
     * A keyboard drawn as one: white keys outlined as keys (the line between two white keys runs through
     * the middle of the black key between them, full lines at E-F and B-C), black keys over them, every C
     * named and the key under the mouse named and lit.
     */
    void paintKeyboard(GraphicsContext g, double w, double h) {
        double kh = v.keyHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double blackWidth = w * 0.6;
        if (v.hoverKey() >= 0 && !BLACK[v.hoverKey() % 12]) {
            g.setFill(HOVER_KEY);
            double y = rowTop(v.hoverKey());
            g.fillRect(0, y - (hasBlackAbove(v.hoverKey()) ? kh / 2 : 0), w, kh * (1 + (hasBlackAbove(v.hoverKey()) ? 0.5 : 0)
                    + (hasBlackBelow(v.hoverKey()) ? 0.5 : 0)));
        }
        g.setStroke(Color.web("#b9c0cc"));
        g.setLineWidth(1);
        for (int p = 0; p < 128; p++) {
            double y = rowTop(p);
            if (y > h + kh || y + kh < -kh) continue;
            int pc = p % 12;
            if (BLACK[pc]) {
                // the boundary of the two white keys beside it: through the middle of this black key
                double mid = Math.floor(y + kh / 2) + 0.5;
                g.strokeLine(blackWidth, mid, w, mid);
            } else if (pc == 4 || pc == 11) {
                double top = Math.floor(y) + 0.5; // E-F and B-C: white keys meet along a full line
                g.strokeLine(0, top, w, top);
            }
        }
        for (int p = 0; p < 128; p++) {
            double y = rowTop(p);
            if (y > h || y + kh < 0 || !BLACK[p % 12]) continue;
            g.setFill(p == v.hoverKey() ? Color.web("#3d6fd6") : Color.web("#262b36"));
            g.fillRect(0, y + 0.5, blackWidth, kh - 1);
        }
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        for (int p = 0; p < 128; p++) {
            double y = rowTop(p);
            if (y > h || y + kh < 0) continue;
            boolean hover = p == v.hoverKey();
            if ((p % 12 == 0 && kh >= 7) || hover) {
                g.setFill(hover && BLACK[p % 12] ? Color.web("#1b3f9c") : TEXT);
                g.setFont(hover ? SMALL_BOLD : SMALL);
                String name = Pitches.name(p);
                g.fillText(name, hover && BLACK[p % 12] ? blackWidth + 2 : w - 26, y + kh / 2);
            }
        }
        g.setStroke(Color.web("#aeb6c6"));
        g.strokeLine(w - 0.5, 0, w - 0.5, h);
    }

    private static boolean hasBlackAbove(int p) {
        return p < 127 && BLACK[(p + 1) % 12];
    }

    private static boolean hasBlackBelow(int p) {
        return p > 0 && BLACK[(p - 1) % 12];
    }

    /** Returns how many notes were drawn. */
    int paintRoll(GraphicsContext g, double w, double h, double top) {
        double kh = v.keyHeight();
        RollNotes notes = v.notes();
        g.clearRect(0, 0, w, h);
        for (int p = 0; p < 128; p++) {
            double y = top + rowTop(p);
            if (y > h || y + kh < top) continue;
            g.setFill(BLACK[p % 12] ? BACKGROUND_BLACK_ROW : BACKGROUND_WHITE_ROW);
            g.fillRect(0, y, w, kh);
        }
        double endQ = v.startQ() + w / v.ppq();
        boolean join = !Double.isNaN(v.joinQ()) && v.joinQ() > 0;
        if (join && v.joinQ() > v.startQ()) {
            g.setFill(PRIMER_SHADE);
            g.fillRect(0, top, Math.min(w, x(v.joinQ())), h - top);
        }
        g.setFill(RULER);
        g.fillRect(0, 0, w, top);
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        for (MusicalGrid.Line line : MusicalGrid.lines(v.signatures(), v.resolution(), v.startQ(), endQ, v.ppq(), v.snap())) {
            double x = Math.floor(x(line.quarter())) + 0.5;
            if (x < 0 || x > w) continue;
            g.setStroke(line.strength() == 2 ? BAR_LINE : line.strength() == 1 ? BEAT_LINE : GRID_LINE);
            g.strokeLine(x, line.strength() == 2 ? 0 : top, x, h);
            if (line.label() != null) {
                g.setFill(TEXT);
                g.fillText(line.label(), x + 3, top / 2);
            }
        }
        if (v.loopQ() != null) {
            double a = x(v.loopQ()[0]), b = x(v.loopQ()[1]);
            g.setFill(Color.rgb(228, 87, 46, 0.30));
            g.fillRect(a, 0, b - a, top);
            g.setFill(Color.rgb(228, 87, 46, 0.05));
            g.fillRect(a, top, b - a, h - top);
        }
        if (!Double.isNaN(highlightStartQ) && highlightEndQ > highlightStartQ) {
            double x0 = Math.max(0, x(highlightStartQ)), x1 = Math.min(w, x(highlightEndQ));
            if (x1 > 0 && x0 < w) {
                g.setFill(HIGHLIGHT);
                g.fillRect(x0, top, x1 - x0, h - top);
                g.setStroke(HIGHLIGHT_EDGE);
                g.strokeLine(Math.floor(x0) + 0.5, top, Math.floor(x0) + 0.5, h);
                g.strokeLine(Math.floor(x1) + 0.5, top, Math.floor(x1) + 0.5, h);
                if (highlightLabel != null) {
                    g.setFill(HIGHLIGHT_EDGE.darker());
                    g.fillText(highlightLabel, x0 + 4, top + 20);
                }
            }
        }
        g.setStroke(BAR_LINE);
        g.strokeLine(0, top - 0.5, w, top - 0.5);
        int drawn = 0;
        // zoomed far out, many notes fall on one pixel of one row: draw that pixel once
        int[] lastPixel = new int[128];
        java.util.Arrays.fill(lastPixel, Integer.MIN_VALUE);
        for (int i = notes.firstSoundingAt(v.startQ()); i < notes.size() && notes.start[i] <= endQ; i++) {
            if (notes.end[i] < v.startQ()) continue;
            double y = top + rowTop(notes.pitch[i]);
            if (y > h || y + kh < top) continue;
            double x = x(notes.start[i]);
            double nw = Math.max(2, (notes.end[i] - notes.start[i]) * v.ppq() - 1);
            drawn++;
            int px = (int) Math.floor(x);
            if (nw <= 2 && px == lastPixel[notes.pitch[i]] && !notes.selected[i]) continue;
            lastPixel[notes.pitch[i]] = px;
            boolean primer = join && notes.start[i] < v.joinQ() - 1e-9;
            boolean sel = notes.selected[i];
            g.setFill(primer ? PRIMER_NOTE : velocityColour(notes.velocity[i]));
            g.fillRect(x, y + 1, nw, Math.max(1, kh - 2));
            if (sel) {
                g.setStroke(SELECTED_OUTLINE);
                g.setLineWidth(2);
                g.strokeRect(x + 1, y + 2, Math.max(1, nw - 2), Math.max(1, kh - 4));
                g.setLineWidth(1);
            } else if (kh >= 6 && nw >= 4) {
                g.setStroke(Color.rgb(0, 0, 0, 0.35));
                g.strokeRect(x + 0.5, y + 1.5, nw - 1, Math.max(1, kh - 3));
            }
        }
        if (join && v.joinQ() >= v.startQ() && v.joinQ() <= endQ) {
            double x = Math.floor(x(v.joinQ())) + 0.5;
            g.setStroke(JOIN);
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(x, top, x, h);
            g.setLineDashes();
            g.setLineWidth(1);
            label(g, "▶ generated", x + 4, top + 9, JOIN);
        }
        if (join && v.primerLabel() != null && v.joinQ() > v.startQ()) {
            // the primer's name on a light tag inside the shaded part, cut off at the join
            double left = Math.max(2, x(0) + 2), right = Math.min(w, x(v.joinQ()) - 3);
            if (right - left > 30) {
                g.save();
                g.beginPath();
                g.rect(left, top, right - left, 20);
                g.clip();
                javafx.scene.text.Text probe = new javafx.scene.text.Text(v.primerLabel());
                probe.setFont(SMALL);
                double tw = probe.getLayoutBounds().getWidth();
                g.setFill(Color.rgb(246, 247, 250, 0.92));
                g.fillRoundRect(left, top + 2, Math.min(tw + 8, right - left), 15, 6, 6);
                label(g, v.primerLabel(), left + 4, top + 9.5, TEXT);
                g.restore();
            }
        }
        double[] band = v.band();
        if (band != null) {
            double bx = Math.min(band[0], band[2]), by = Math.min(band[1], band[3]);
            double bw = Math.abs(band[2] - band[0]), bh = Math.abs(band[3] - band[1]);
            g.setFill(Color.rgb(61, 111, 214, 0.12));
            g.fillRect(bx, by, bw, bh);
            g.setStroke(SELECTION);
            g.strokeRect(Math.floor(bx) + 0.5, Math.floor(by) + 0.5, bw, bh);
        }
        double ph = v.playheadQ();
        if (!Double.isNaN(ph) && ph >= v.startQ() && ph <= endQ) {
            double x = Math.floor(x(ph)) + 0.5;
            g.setStroke(PLAYHEAD);
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, h);
            g.setLineWidth(1);
        }
        return drawn;
    }

    /** The velocity lane: one stem per visible note, as high as its velocity; the selected ones in the accent colour. */
    void paintVelocity(GraphicsContext g, double w, double h) {
        RollNotes notes = v.notes();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#f3f5f9"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#c3c9d4"));
        g.strokeLine(0, 0.5, w, 0.5);
        g.setStroke(Color.web("#e2e6ee"));
        for (int level : new int[] {32, 64, 96}) {
            double y = Math.floor(velocityY(level, h)) + 0.5;
            g.strokeLine(0, y, w, y);
        }
        double endQ = v.startQ() + w / v.ppq();
        boolean join = !Double.isNaN(v.joinQ()) && v.joinQ() > 0;
        boolean dense = notes.size() > 0 && v.ppq() < 12;
        for (int pass = 0; pass < 2; pass++) { // selected stems on top
            int lastPixel = Integer.MIN_VALUE, lastVelocity = -1;
            for (int i = notes.firstSoundingAt(v.startQ()); i < notes.size() && notes.start[i] <= endQ; i++) {
                if (notes.start[i] < v.startQ() || notes.selected[i] != (pass == 1)) continue;
                int px = (int) Math.floor(x(notes.start[i]));
                // one stem a pixel (the loudest shows) when notes crowd
                if (px == lastPixel && notes.velocity[i] <= lastVelocity) continue;
                if (px != lastPixel) lastVelocity = -1;
                lastPixel = px;
                lastVelocity = Math.max(lastVelocity, notes.velocity[i]);
                double x = px + 0.5;
                double y = velocityY(notes.velocity[i], h);
                boolean primer = join && notes.start[i] < v.joinQ() - 1e-9;
                Color c = notes.selected[i] ? SELECTION : primer ? PRIMER_NOTE : STEM[notes.velocity[i]];
                g.setStroke(c);
                g.setLineWidth(notes.selected[i] ? 2 : 1);
                g.strokeLine(x, h, x, y);
                if (!dense || notes.selected[i]) {
                    g.setFill(c);
                    g.fillOval(x - 3, y - 3, 6, 6);
                }
            }
        }
        g.setLineWidth(1);
    }

    /** The velocity lane's corner under the keyboard: what the lane is and its scale. */
    static void paintVelocityCorner(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#eceff4"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#c3c9d4"));
        g.strokeLine(0, 0.5, w, 0.5);
        g.strokeLine(w - 0.5, 0, w - 0.5, h);
        label(g, "Vel.", 4, h - 9, TEXT);
        g.setFont(Font.font(9));
        g.setFill(Color.web("#7a8396"));
        g.fillText("127", w - 20, velocityY(127, h) + 5);
        if (h >= 50) g.fillText("64", w - 15, velocityY(64, h));
    }

    /** y of a velocity in a lane {@code h} high (3 px margin at the top). */
    static double velocityY(int velocity, double h) {
        return h - (h - 6) * velocity / 127.0;
    }

    static int velocityAt(double y, double h) {
        return (int) Math.round(Math.max(1, Math.min(127, (h - y) * 127.0 / (h - 6))));
    }

    private static final Color[] FILL = new Color[128];
    private static final Color[] STEM = new Color[128];

    static {
        for (int v = 0; v < 128; v++) {
            FILL[v] = colourOf(v);
            STEM[v] = FILL[v].darker();
        }
    }

    /** Soft notes cool blue, loud notes warm orange-red: dynamics readable at a glance. */
    static Color velocityColour(int velocity) {
        return FILL[Math.max(0, Math.min(127, velocity))];
    }

    private static Color colourOf(int velocity) {
        double t = Math.max(0, Math.min(1, (velocity - 20) / 100.0));
        return Color.hsb(220 - 205 * t, 0.55 + 0.3 * t, 0.92 - 0.12 * t);
    }

    static void label(GraphicsContext g, String text, double x, double y, Color color) {
        g.setFill(color);
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }
}
