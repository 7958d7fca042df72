package studio.rondo.ui.pianoroll;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import studio.rondo.music.Piece;

/** Paints one frame of the roll for a given view; holds no state between frames. */
final class RollPainter {
    private static final boolean[] BLACK = {false, true, false, true, false, false, true, false, true, false, true, false};
    private static final Color BACKGROUND_WHITE_ROW = Color.web("#fbfcfe");
    private static final Color BACKGROUND_BLACK_ROW = Color.web("#eef1f6");
    private static final Color BAR_LINE = Color.web("#aeb6c6");
    private static final Color BEAT_LINE = Color.web("#dde2ea");
    private static final Color PLAYHEAD = Color.web("#e4572e");
    private static final Color RULER = Color.web("#e7eaf0");
    private static final Color TEXT = Color.web("#4a5365");
    private static final Color PRIMER_NOTE = Color.web("#b8bfcc");
    private static final Color JOIN = Color.web("#2e9e6b");

    private final RollNotes notes;
    private final Piece piece;
    private final double startSeconds;
    private final double pps;
    private final double keysScrolled;
    private final double keyHeight;
    private final double join; // NaN: no join marker
    private double highlightStart = Double.NaN, highlightEnd = Double.NaN;

    RollPainter(RollNotes notes, Piece piece, double startSeconds, double pps, double keysScrolled, double keyHeight) {
        this(notes, piece, startSeconds, pps, keysScrolled, keyHeight, Double.NaN);
    }

    RollPainter(RollNotes notes, Piece piece, double startSeconds, double pps, double keysScrolled, double keyHeight, double join) {
        this.join = join;
        this.notes = notes;
        this.piece = piece;
        this.startSeconds = startSeconds;
        this.pps = pps;
        this.keysScrolled = keysScrolled;
        this.keyHeight = keyHeight;
    }

    /** Marks a passage (seconds) with a band and a label; NaN for none. */
    RollPainter highlight(double start, double end, String label) {
        this.highlightStart = start;
        this.highlightEnd = end;
        this.highlightLabel = label;
        return this;
    }

    private String highlightLabel;
    private static final Color HIGHLIGHT = Color.web("#f2b134", 0.28);
    private static final Color HIGHLIGHT_EDGE = Color.web("#c98a00");

    /** y of the top of a key's row, in roll coordinates below the ruler. */
    private double rowTop(int pitch) {
        return (127 - pitch - keysScrolled) * keyHeight;
    }

    void paintKeyboard(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int p = 0; p < 128; p++) {
            double y = rowTop(p);
            if (y > h || y + keyHeight < 0) continue;
            boolean black = BLACK[p % 12];
            g.setFill(black ? Color.web("#2a2f3a") : Color.WHITE);
            g.fillRect(0, y, black ? w * 0.62 : w, keyHeight);
            if (p % 12 == 0 || (p % 12 == 5)) {
                g.setStroke(Color.web("#c3c9d4"));
                g.strokeLine(0, y + keyHeight, w, y + keyHeight);
            }
            if (p % 12 == 0 && keyHeight >= 7) PianoRoll.label(g, PianoRoll.keyLabel(p), w - 24, y + keyHeight / 2, TEXT);
        }
        g.setStroke(Color.web("#aeb6c6"));
        g.strokeLine(w - 0.5, 0, w - 0.5, h);
    }

    /** Returns how many notes were drawn. */
    int paintRoll(GraphicsContext g, double w, double h, double playhead) {
        double top = PianoRoll.RULER_HEIGHT;
        g.clearRect(0, 0, w, h);
        // key rows
        for (int p = 0; p < 128; p++) {
            double y = top + rowTop(p);
            if (y > h || y + keyHeight < top) continue;
            g.setFill(BLACK[p % 12] ? BACKGROUND_BLACK_ROW : BACKGROUND_WHITE_ROW);
            g.fillRect(0, y, w, keyHeight);
        }
        double endSeconds = startSeconds + w / pps;
        // grid and ruler
        g.setFill(RULER);
        g.fillRect(0, 0, w, top);
        for (TimeGrid.Line line : TimeGrid.lines(piece, startSeconds, endSeconds, pps)) {
            double x = Math.floor((line.seconds() - startSeconds) * pps) + 0.5;
            if (x < 0 || x > w) continue;
            g.setStroke(line.strong() ? BAR_LINE : BEAT_LINE);
            g.strokeLine(x, top, x, h);
            if (line.label() != null) PianoRoll.label(g, line.label(), x + 3, top / 2, TEXT);
        }
        if (!Double.isNaN(highlightStart) && highlightEnd > highlightStart && highlightEnd >= startSeconds && highlightStart <= endSeconds) {
            double x0 = Math.max(0, (highlightStart - startSeconds) * pps), x1 = Math.min(w, (highlightEnd - startSeconds) * pps);
            g.setFill(HIGHLIGHT);
            g.fillRect(x0, top, x1 - x0, h - top);
            g.setStroke(HIGHLIGHT_EDGE);
            g.strokeLine(Math.floor(x0) + 0.5, top, Math.floor(x0) + 0.5, h);
            g.strokeLine(Math.floor(x1) + 0.5, top, Math.floor(x1) + 0.5, h);
            if (highlightLabel != null) PianoRoll.label(g, highlightLabel, x0 + 4, top + 20, HIGHLIGHT_EDGE.darker());
        }
        // notes: only those that can be visible
        int drawn = 0;
        for (int i = notes.firstSoundingAt(startSeconds); i < notes.size() && notes.start[i] <= endSeconds; i++) {
            if (notes.end[i] < startSeconds) continue;
            double y = top + rowTop(notes.pitch[i]);
            if (y > h || y + keyHeight < top) continue;
            double x = (notes.start[i] - startSeconds) * pps;
            double nw = Math.max(2, (notes.end[i] - notes.start[i]) * pps - 1);
            boolean primer = !Double.isNaN(join) && notes.start[i] < join - 1e-6;
            g.setFill(primer ? PRIMER_NOTE : velocityColour(notes.velocity[i]));
            g.fillRect(x, y + 1, nw, Math.max(1, keyHeight - 2));
            if (keyHeight >= 6 && nw >= 4) {
                g.setStroke(Color.rgb(0, 0, 0, 0.35));
                g.strokeRect(x + 0.5, y + 1.5, nw - 1, Math.max(1, keyHeight - 3));
            }
            drawn++;
        }
        if (!Double.isNaN(join) && join > 0 && join >= startSeconds && join <= endSeconds) {
            double x = Math.floor((join - startSeconds) * pps) + 0.5;
            g.setStroke(JOIN);
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(x, top, x, h);
            g.setLineDashes();
            g.setLineWidth(1);
            PianoRoll.label(g, "▶ generated", x + 4, top + 8, JOIN);
        }
        if (!Double.isNaN(playhead) && playhead >= startSeconds && playhead <= endSeconds) {
            double x = Math.floor((playhead - startSeconds) * pps) + 0.5;
            g.setStroke(PLAYHEAD);
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, h);
            g.setLineWidth(1);
        }
        return drawn;
    }

    /** Soft notes cool blue, loud notes warm orange-red: dynamics readable at a glance. */
    static Color velocityColour(int velocity) {
        double t = Math.max(0, Math.min(1, (velocity - 20) / 100.0));
        return Color.hsb(220 - 205 * t, 0.55 + 0.3 * t, 0.92 - 0.12 * t);
    }
}
