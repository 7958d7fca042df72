package studio.rondo.ui.pianoroll;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import studio.rondo.music.Piece;
import studio.rondo.music.Pitches;

/**
 * A piano roll: a keyboard on the left, time running right, one bar per note coloured by velocity,
 * bar and beat lines (from the piece's tempo map and time signatures), an optional join marker with
 * the notes before it (a primer) in grey, zoom (Ctrl + wheel, or {@link #zoom}) and scroll, and a playhead that the view
 * follows during playback. Drawn on canvases; only the visible notes are drawn.
 */
public class PianoRoll extends Region {
    static final double KEYBOARD_WIDTH = 54;
    static final double RULER_HEIGHT = 20;
    private static final double MIN_PPS = 0.05; // a whole hour fits in 180 px
    private static final double MAX_PPS = 2000;

    // Properties
    private final ObjectProperty<Piece> piece = new SimpleObjectProperty<>(this, "piece");
    private final DoubleProperty pixelsPerSecond = new SimpleDoubleProperty(this, "pixelsPerSecond", 60);
    private final DoubleProperty keyHeight = new SimpleDoubleProperty(this, "keyHeight", 9);
    private final DoubleProperty playhead = new SimpleDoubleProperty(this, "playhead", Double.NaN);
    private final BooleanProperty followPlayhead = new SimpleBooleanProperty(this, "followPlayhead", true);
    private final DoubleProperty joinSeconds = new SimpleDoubleProperty(this, "joinSeconds", Double.NaN);
    private final ObjectProperty<Passage> highlight = new SimpleObjectProperty<>(this, "highlight");

    private final Canvas keyboard = new Canvas();
    private final Canvas roll = new Canvas();
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private RollNotes notes = RollNotes.EMPTY;
    private boolean redrawPending;
    private int lastDrawnNotes;

    public PianoRoll() {
        getStyleClass().add("piano-roll");
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setMin(0);
        vbar.setMax(127);
        getChildren().addAll(roll, keyboard, hbar, vbar);
        setMinSize(200, 120);
        setFocusTraversable(true);

        piece.addListener((obs, old, now) -> {
            notes = RollNotes.of(now);
            hbar.setValue(0);
            centreOnNotes();
            updateScrollRanges();
            requestRedraw();
        });
        pixelsPerSecond.addListener((obs, old, now) -> {
            updateScrollRanges();
            requestRedraw();
        });
        keyHeight.addListener((obs, old, now) -> {
            updateScrollRanges();
            requestRedraw();
        });
        hbar.valueProperty().addListener((obs, old, now) -> requestRedraw());
        vbar.valueProperty().addListener((obs, old, now) -> requestRedraw());
        playhead.addListener((obs, old, now) -> onPlayheadMoved(now.doubleValue()));
        joinSeconds.addListener((obs, old, now) -> requestRedraw());
        highlight.addListener((obs, old, now) -> requestRedraw());
        widthProperty().addListener((obs, old, now) -> updateScrollRanges());
        heightProperty().addListener((obs, old, now) -> updateScrollRanges());
        addEventFilter(ScrollEvent.SCROLL, this::onScroll);
    }

    public ObjectProperty<Piece> pieceProperty() {
        return piece;
    }

    public DoubleProperty pixelsPerSecondProperty() {
        return pixelsPerSecond;
    }

    public DoubleProperty keyHeightProperty() {
        return keyHeight;
    }

    /** Playback position in seconds; NaN hides the playhead. */
    public DoubleProperty playheadProperty() {
        return playhead;
    }

    /**
     * Where a continuation starts, in seconds: notes before it (a primer) are drawn in grey and a
     * marker line shows the join. NaN (the default) for none.
     */
    public DoubleProperty joinSecondsProperty() {
        return joinSeconds;
    }

    /** A passage marked with a band and its label (a copied run); null for none. */
    public record Passage(double startSeconds, double endSeconds, String label) {
    }

    public ObjectProperty<Passage> highlightProperty() {
        return highlight;
    }

    /** Zooms and scrolls so that a passage fills most of the view, with a little before and after it. */
    public void showPassage(double startSeconds, double endSeconds) {
        double width = rollWidth();
        double span = Math.max(0.5, endSeconds - startSeconds);
        if (width > 0) pixelsPerSecond.set(clamp(width * 0.8 / span, MIN_PPS, MAX_PPS));
        updateScrollRanges();
        scrollToSeconds(startSeconds - span * 0.1);
    }

    public BooleanProperty followPlayheadProperty() {
        return followPlayhead;
    }

    /** The first second shown at the left edge. */
    public double viewStartSeconds() {
        return hbar.getValue();
    }

    public void scrollToSeconds(double seconds) {
        hbar.setValue(clamp(seconds, hbar.getMin(), hbar.getMax()));
    }

    /** Zooms time by a factor, keeping the second under {@code anchorX} (pixels in the roll) in place. */
    public void zoom(double factor, double anchorX) {
        double pps = pixelsPerSecond.get();
        double anchorSeconds = hbar.getValue() + anchorX / pps;
        double next = clamp(pps * factor, MIN_PPS, MAX_PPS);
        pixelsPerSecond.set(next);
        scrollToSeconds(anchorSeconds - anchorX / next);
    }

    /** Fits the whole piece into the visible width. */
    public void zoomToFit() {
        double width = rollWidth();
        if (notes.duration > 0 && width > 0) {
            pixelsPerSecond.set(clamp(width / notes.duration, MIN_PPS, MAX_PPS));
            scrollToSeconds(0);
        }
    }

    /** How many notes the last drawing actually drew (the visible ones); for tests and diagnostics. */
    public int lastDrawnNotes() {
        return lastDrawnNotes;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double sb = 14;
        keyboard.setLayoutX(0);
        keyboard.setLayoutY(RULER_HEIGHT);
        keyboard.setWidth(KEYBOARD_WIDTH);
        keyboard.setHeight(Math.max(0, h - RULER_HEIGHT - sb));
        roll.setLayoutX(KEYBOARD_WIDTH);
        roll.setLayoutY(0);
        roll.setWidth(Math.max(0, w - KEYBOARD_WIDTH - sb));
        roll.setHeight(Math.max(0, h - sb));
        hbar.resizeRelocate(KEYBOARD_WIDTH, h - sb, Math.max(0, w - KEYBOARD_WIDTH - sb), sb);
        vbar.resizeRelocate(w - sb, RULER_HEIGHT, sb, Math.max(0, h - RULER_HEIGHT - sb));
        updateScrollRanges();
        requestRedraw();
    }

    private double rollWidth() {
        return roll.getWidth();
    }

    private double rollHeight() {
        return roll.getHeight() - RULER_HEIGHT;
    }

    private void updateScrollRanges() {
        double visibleSeconds = rollWidth() / pixelsPerSecond.get();
        double maxStart = Math.max(0, notes.duration + 1 - visibleSeconds);
        hbar.setMax(maxStart);
        hbar.setVisibleAmount(Math.min(visibleSeconds, maxStart + visibleSeconds));
        hbar.setUnitIncrement(Math.max(0.1, visibleSeconds / 20));
        hbar.setBlockIncrement(visibleSeconds * 0.8);
        if (hbar.getValue() > maxStart) hbar.setValue(maxStart);
        double visibleKeys = rollHeight() / keyHeight.get();
        // vbar's value is the number of keys scrolled down from the top (pitch 127)
        vbar.setMax(Math.max(0, 128 - visibleKeys));
        vbar.setVisibleAmount(Math.min(128, visibleKeys));
        vbar.setUnitIncrement(1);
        vbar.setBlockIncrement(12);
        requestRedraw();
    }

    private void centreOnNotes() {
        double visibleKeys = rollHeight() / keyHeight.get();
        double middle = (notes.lowest + notes.highest) / 2.0;
        vbar.setValue(clamp(127 - middle - visibleKeys / 2, 0, Math.max(0, 128 - visibleKeys)));
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX() - KEYBOARD_WIDTH);
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            scrollToSeconds(hbar.getValue() - d / pixelsPerSecond.get());
        } else {
            vbar.setValue(clamp(vbar.getValue() - e.getDeltaY() / keyHeight.get(), 0, vbar.getMax()));
        }
        e.consume();
    }

    private void onPlayheadMoved(double seconds) {
        if (!Double.isNaN(seconds) && followPlayhead.get()) {
            double visible = rollWidth() / pixelsPerSecond.get();
            double start = hbar.getValue();
            // Page along like a score: jump when the playhead leaves the view or nears its right edge.
            if (seconds < start || seconds > start + visible * 0.9) scrollToSeconds(seconds - visible * 0.1);
        }
        requestRedraw();
    }

    /** Coalesces redraws: many property changes in one pulse give one drawing. */
    private void requestRedraw() {
        if (redrawPending) return;
        redrawPending = true;
        Platform.runLater(() -> {
            redrawPending = false;
            draw();
        });
    }

    private void draw() {
        RollPainter painter = new RollPainter(notes, piece.get(), hbar.getValue(), pixelsPerSecond.get(),
                vbar.getValue(), keyHeight.get(), joinSeconds.get());
        Passage p = highlight.get();
        if (p != null) painter.highlight(p.startSeconds(), p.endSeconds(), p.label());
        painter.paintKeyboard(keyboard.getGraphicsContext2D(), keyboard.getWidth(), keyboard.getHeight());
        lastDrawnNotes = painter.paintRoll(roll.getGraphicsContext2D(), roll.getWidth(), roll.getHeight(), playhead.get());
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Label and colour helpers shared with the painter. */
    static void label(GraphicsContext g, String text, double x, double y, Color color) {
        g.setFill(color);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    static String keyLabel(int pitch) {
        return Pitches.name(pitch);
    }
}
