package studio.rondo.ui.pianoroll;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.Pitches;
import studio.rondo.music.TempoMap;
import studio.rondo.music.edit.NoteClipboard;
import studio.rondo.music.edit.NoteCommands;
import studio.rondo.music.edit.NoteRef;
import studio.rondo.music.edit.PieceEditor;
import studio.rondo.music.edit.SnapGrid;

/**
 * The piano roll, shared by the workspaces: a keyboard on the left, musical time running right (bars
 * and beats from the piece's meter, equally wide whatever the tempo), notes coloured by velocity, a
 * velocity lane below, a primer shaded and named with a marker where the generated part starts, zoom
 * in time and pitch, and a playhead the view follows during playback.
 *
 * <p>It only draws and turns gestures into calls on a {@link PieceEditor} (plain Java, which holds
 * the notes, the selection and the undo history). Read-only (the Dataset) it still selects; editable
 * (Generate) click, shift/ctrl-click and rubber band select, double-click or the draw mode add notes,
 * dragging moves (time and pitch) or, at a note's right edge, resizes, all snapped to
 * {@link #snapProperty() the grid}; the velocity lane is dragged; keys: Delete, arrows (shift: octave
 * or bar), ctrl+A/C/X/V/Z, ctrl+shift+Z, Q quantizes, Space plays.
 */
public class PianoRoll extends Region {
    static final double KEYBOARD_WIDTH = 54;
    static final double RULER_HEIGHT = 20;
    static final double VELOCITY_HEIGHT = 64;
    private static final double SCROLLBAR = 14;
    private static final double MIN_PPQ = 0.02;
    private static final double MAX_PPQ = 1200;
    private static final double MIN_KEY = 3;
    private static final double MAX_KEY = 40;
    private static final double EDGE = 6; // px at a note's right end that resize instead of move

    // Properties
    private final ObjectProperty<Piece> piece = new SimpleObjectProperty<>(this, "piece");
    private final ObjectProperty<PieceEditor> editor = new SimpleObjectProperty<>(this, "editor");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", false);
    private final ObjectProperty<SnapGrid> snap = new SimpleObjectProperty<>(this, "snap", SnapGrid.SIXTEENTH);
    private final DoubleProperty quantizeStrength = new SimpleDoubleProperty(this, "quantizeStrength", 1.0);
    private final DoubleProperty pixelsPerQuarter = new SimpleDoubleProperty(this, "pixelsPerQuarter", 40);
    private final DoubleProperty keyHeight = new SimpleDoubleProperty(this, "keyHeight", 10);
    private final DoubleProperty playhead = new SimpleDoubleProperty(this, "playhead", Double.NaN);
    private final BooleanProperty followPlayhead = new SimpleBooleanProperty(this, "followPlayhead", true);
    private final DoubleProperty joinSeconds = new SimpleDoubleProperty(this, "joinSeconds", Double.NaN);
    private final StringProperty primerLabel = new SimpleStringProperty(this, "primerLabel");
    private final ObjectProperty<Passage> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final BooleanProperty velocityLane = new SimpleBooleanProperty(this, "velocityLane", false);
    private final BooleanProperty drawMode = new SimpleBooleanProperty(this, "drawMode", false);
    private final ObjectProperty<double[]> loopSeconds = new SimpleObjectProperty<>(this, "loopSeconds");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");
    private Runnable onTogglePlay;
    private DoubleConsumer onSeek;
    private IntConsumer onKeyPlayed;

    private final Canvas keyboard = new Canvas();
    private final Canvas roll = new Canvas();
    private final Canvas lane = new Canvas();
    private final Canvas laneCorner = new Canvas();
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private final Tooltip tip = new Tooltip();
    private final Runnable editorListener = this::onEditorChanged;
    private PieceEditor shown; // the external editor, or one made for a read-only piece
    private RollNotes notes = RollNotes.EMPTY;
    private boolean redrawPending;
    private boolean fitPending = true;
    private int lastDrawnNotes;
    private long lastPaintNanos;
    private int hoverKey = -1;
    private int tipNote = -1;
    private double pasteQuarter = Double.NaN;

    // the gesture in progress
    private enum Drag { NONE, MOVE, RESIZE, BAND, DRAW, VELOCITY, RULER }
    private Drag drag = Drag.NONE;
    private double pressX, pressY;
    private List<NoteRef> grabbed = List.of();
    private Note grabbedNote;
    private double[] band;
    private int drawPitch;
    private long drawStart;
    private int drawVelocity = 90;

    public PianoRoll() {
        getStyleClass().add("piano-roll");
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setMin(0);
        vbar.setMax(127);
        lane.setVisible(false);
        laneCorner.setVisible(false);
        getChildren().addAll(roll, keyboard, lane, laneCorner, hbar, vbar);
        setMinSize(200, 120);
        setFocusTraversable(true);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(20));

        piece.addListener((obs, old, now) -> {
            if (editor.get() == null) show(now == null ? null : new PieceEditor(now));
        });
        editor.addListener((obs, old, now) -> show(now != null ? now : piece.get() == null ? null : new PieceEditor(piece.get())));
        pixelsPerQuarter.addListener((obs, old, now) -> updateScrollRanges());
        keyHeight.addListener((obs, old, now) -> updateScrollRanges());
        hbar.valueProperty().addListener((obs, old, now) -> requestRedraw());
        vbar.valueProperty().addListener((obs, old, now) -> requestRedraw());
        playhead.addListener((obs, old, now) -> onPlayheadMoved(now.doubleValue()));
        joinSeconds.addListener((obs, old, now) -> requestRedraw());
        primerLabel.addListener((obs, old, now) -> requestRedraw());
        highlight.addListener((obs, old, now) -> requestRedraw());
        snap.addListener((obs, old, now) -> requestRedraw());
        loopSeconds.addListener((obs, old, now) -> requestRedraw());
        velocityLane.addListener((obs, old, now) -> {
            lane.setVisible(now);
            laneCorner.setVisible(now);
            requestLayout();
        });
        widthProperty().addListener((obs, old, now) -> updateScrollRanges());
        heightProperty().addListener((obs, old, now) -> updateScrollRanges());
        addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        roll.setOnMousePressed(this::onRollPressed);
        roll.setOnMouseDragged(this::onRollDragged);
        roll.setOnMouseReleased(this::onRollReleased);
        roll.setOnMouseMoved(this::onRollMoved);
        roll.setOnMouseExited(e -> setHover(-1));
        keyboard.setOnMouseMoved(e -> setHover(pitchAt(e.getY())));
        keyboard.setOnMouseExited(e -> setHover(-1));
        keyboard.setOnMousePressed(e -> {
            requestFocus();
            int p = pitchAt(e.getY());
            if (onKeyPlayed != null && p >= 0 && p <= 127) onKeyPlayed.accept(p);
        });
        lane.setOnMousePressed(this::onLanePressed);
        lane.setOnMouseDragged(this::onLaneDragged);
        lane.setOnMouseReleased(e -> endDrag());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ---- properties

    /** The piece shown read-only (when no {@link #editorProperty() editor} is set). */
    public ObjectProperty<Piece> pieceProperty() {
        return piece;
    }

    /** The editor whose notes are shown and edited; null shows {@link #pieceProperty()}. */
    public ObjectProperty<PieceEditor> editorProperty() {
        return editor;
    }

    /** Whether gestures change the notes (selection works either way). */
    public BooleanProperty editableProperty() {
        return editable;
    }

    public ObjectProperty<SnapGrid> snapProperty() {
        return snap;
    }

    /** Quantize strength 0..1 for {@link #quantizeSelection()}. */
    public DoubleProperty quantizeStrengthProperty() {
        return quantizeStrength;
    }

    /** Horizontal zoom: pixels per quarter note. */
    public DoubleProperty pixelsPerQuarterProperty() {
        return pixelsPerQuarter;
    }

    /** Vertical zoom: pixels per key. */
    public DoubleProperty keyHeightProperty() {
        return keyHeight;
    }

    /** Playback position in seconds; NaN hides the playhead. */
    public DoubleProperty playheadProperty() {
        return playhead;
    }

    /** Where a continuation starts, in seconds: the primer before it is shaded and greyed, a marker shows the join. NaN for none. */
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
        TempoMap map = tempoMap();
        double a = MusicalGrid.quarterAt(map, startSeconds), b = MusicalGrid.quarterAt(map, Math.max(endSeconds, startSeconds + 0.5));
        double span = Math.max(0.25, b - a);
        double width = rollWidth();
        if (width > 0) pixelsPerQuarter.set(clamp(width * 0.8 / span, MIN_PPQ, MAX_PPQ));
        updateScrollRanges();
        scrollToQuarter(a - span * 0.1);
    }

    /** What the shaded primer is ("Primer: KV 311/1, first 60 notes"); null for none. */
    public StringProperty primerLabelProperty() {
        return primerLabel;
    }

    public BooleanProperty followPlayheadProperty() {
        return followPlayhead;
    }

    public BooleanProperty velocityLaneProperty() {
        return velocityLane;
    }

    /** In draw mode a click on an empty place adds a note (else it starts a rubber band; double-click adds). */
    public BooleanProperty drawModeProperty() {
        return drawMode;
    }

    /** The range the player loops, {start, end} in seconds, drawn on the ruler; null for none. */
    public ObjectProperty<double[]> loopSecondsProperty() {
        return loopSeconds;
    }

    /** The selected notes' span in seconds {first onset, last release}; null without a selection. */
    public double[] selectionSeconds() {
        if (shown == null || shown.selectionSize() == 0) return null;
        double from = Double.MAX_VALUE, to = 0;
        for (NoteRef r : shown.selected()) {
            from = Math.min(from, r.note().startSeconds());
            to = Math.max(to, r.note().endSeconds());
        }
        return new double[] {from, to};
    }

    /** "3 of 120 notes selected", for a status line. */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    public void setOnTogglePlay(Runnable r) {
        onTogglePlay = r;
    }

    /** Called with seconds when the ruler is clicked. */
    public void setOnSeek(DoubleConsumer c) {
        onSeek = c;
    }

    /** Called with a MIDI key when a key of the keyboard is clicked. */
    public void setOnKeyPlayed(IntConsumer c) {
        onKeyPlayed = c;
    }

    /** The editor behind what is shown (the external one, or one made for the read-only piece); null when nothing is. */
    public PieceEditor currentEditor() {
        return shown;
    }

    /** The first quarter note shown at the left edge. */
    public double viewStartQuarter() {
        return hbar.getValue();
    }

    public void scrollToQuarter(double quarter) {
        hbar.setValue(clamp(quarter, hbar.getMin(), hbar.getMax()));
    }

    /** How many notes the last drawing drew (the visible ones); for tests and diagnostics. */
    public int lastDrawnNotes() {
        return lastDrawnNotes;
    }

    /** How long the last repaint of all canvases took, in nanoseconds (the benchmark's measure). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** x in the roll canvas (0 = right of the keyboard) of a tick; for tests and tools. */
    public double xOfTick(long tick) {
        return (tick / (double) resolution() - hbar.getValue()) * pixelsPerQuarter.get();
    }

    /** y in the roll canvas of the middle of a key's row; for tests and tools. */
    public double yOfKey(int pitch) {
        return RULER_HEIGHT + (127 - pitch - vbar.getValue()) * keyHeight.get() + keyHeight.get() / 2;
    }

    /** The canvas the notes are drawn on (gestures land there); for tests. */
    public Canvas rollCanvas() {
        return roll;
    }

    public Canvas velocityCanvas() {
        return lane;
    }

    // ---- view commands

    /** Zooms time by a factor, keeping the quarter under {@code anchorX} (pixels in the roll) in place. */
    public void zoom(double factor, double anchorX) {
        double ppq = pixelsPerQuarter.get();
        double anchor = hbar.getValue() + anchorX / ppq;
        double next = clamp(ppq * factor, MIN_PPQ, MAX_PPQ);
        pixelsPerQuarter.set(next);
        updateScrollRanges();
        scrollToQuarter(anchor - anchorX / next);
    }

    /** Zooms pitch (key height) by a factor, keeping the middle key in place. */
    public void zoomKeys(double factor) {
        double kh = keyHeight.get();
        double middle = vbar.getValue() + rollHeight() / kh / 2;
        double next = clamp(kh * factor, MIN_KEY, MAX_KEY);
        keyHeight.set(next);
        updateScrollRanges();
        vbar.setValue(clamp(middle - rollHeight() / next / 2, 0, vbar.getMax()));
    }

    /** Fits the piece's length into the width and its pitch range into the height. */
    public void fit() {
        if (rollWidth() <= 0 || rollHeight() <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        double length = Math.max(4, notes.duration);
        pixelsPerQuarter.set(clamp(rollWidth() / (length * 1.02), MIN_PPQ, MAX_PPQ));
        int lo = Math.max(0, notes.lowest - 2), hi = Math.min(127, notes.highest + 2);
        keyHeight.set(clamp(rollHeight() / (hi - lo + 1), MIN_KEY, 24));
        updateScrollRanges();
        double visibleKeys = rollHeight() / keyHeight.get();
        double middle = (lo + hi + 1) / 2.0;
        vbar.setValue(clamp(127 - middle - visibleKeys / 2 + 1, 0, vbar.getMax()));
        hbar.setValue(0);
        requestRedraw();
    }

    /** Kept for callers of the time-only fit: fits time and pitch. */
    public void zoomToFit() {
        fit();
    }

    // ---- edit commands (the Edit menu and the keys call these)

    public boolean undo() {
        return shown != null && editable.get() && shown.undo();
    }

    public boolean redo() {
        return shown != null && editable.get() && shown.redo();
    }

    public void selectAll() {
        if (shown != null) shown.selectAll();
    }

    public void copy() {
        if (shown != null) shown.copy(NoteClipboard.shared());
    }

    public void cut() {
        if (canEdit()) shown.cut(NoteClipboard.shared());
    }

    /** Pastes at the last place clicked, else at the playhead, else at the left edge of the view. */
    public void paste() {
        if (!canEdit()) return;
        double q = !Double.isNaN(pasteQuarter) ? pasteQuarter
                : !Double.isNaN(playhead.get()) ? MusicalGrid.quarterAt(tempoMap(), playhead.get()) : hbar.getValue();
        shown.paste(NoteClipboard.shared(), snapTick(Math.round(q * resolution()), false));
    }

    public void deleteSelection() {
        if (canEdit()) shown.delete();
    }

    public void quantizeSelection() {
        if (canEdit()) shown.quantize(snap.get() == SnapGrid.OFF ? SnapGrid.SIXTEENTH : snap.get(), quantizeStrength.get());
    }

    public void transpose(int semitones) {
        if (canEdit()) shown.transpose(semitones);
    }

    /** Moves the selection by grid steps (or bars) in time. */
    public void nudge(int steps, boolean bars) {
        if (!canEdit() || shown.selectionSize() == 0) return;
        long first = shown.selected().get(0).note().startTick();
        SnapGrid grid = bars ? SnapGrid.BAR : snap.get() == SnapGrid.OFF ? SnapGrid.SIXTEENTH : snap.get();
        shown.move(steps * grid.stepAt(shown.timeSignatures(), resolution(), first), 0);
    }

    private boolean canEdit() {
        return shown != null && editable.get();
    }

    // ---- layout and drawing

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double velH = velocityLane.get() ? clamp(h * 0.16, 36, VELOCITY_HEIGHT) : 0;
        double areaH = Math.max(0, h - RULER_HEIGHT - SCROLLBAR - velH);
        double rollW = Math.max(0, w - KEYBOARD_WIDTH - SCROLLBAR);
        keyboard.setLayoutX(0);
        keyboard.setLayoutY(RULER_HEIGHT);
        keyboard.setWidth(KEYBOARD_WIDTH);
        keyboard.setHeight(areaH);
        roll.setLayoutX(KEYBOARD_WIDTH);
        roll.setLayoutY(0);
        roll.setWidth(rollW);
        roll.setHeight(RULER_HEIGHT + areaH);
        lane.setLayoutX(KEYBOARD_WIDTH);
        lane.setLayoutY(RULER_HEIGHT + areaH);
        lane.setWidth(rollW);
        lane.setHeight(velH);
        laneCorner.setLayoutX(0);
        laneCorner.setLayoutY(RULER_HEIGHT + areaH);
        laneCorner.setWidth(KEYBOARD_WIDTH);
        laneCorner.setHeight(velH);
        hbar.resizeRelocate(KEYBOARD_WIDTH, h - SCROLLBAR, rollW, SCROLLBAR);
        vbar.resizeRelocate(w - SCROLLBAR, RULER_HEIGHT, SCROLLBAR, areaH);
        updateScrollRanges();
        if (fitPending && rollW > 0 && areaH > 0) fit();
        requestRedraw();
    }

    private double rollWidth() {
        return roll.getWidth();
    }

    private double rollHeight() {
        return roll.getHeight() - RULER_HEIGHT;
    }

    private int resolution() {
        return shown == null ? 480 : shown.resolution();
    }

    private TempoMap tempoMap() {
        return shown == null ? TempoMap.constant(480, 120) : shown.tempoMap();
    }

    private void updateScrollRanges() {
        double visible = rollWidth() / pixelsPerQuarter.get();
        double maxStart = Math.max(0, notes.duration + 4 - visible);
        hbar.setMax(maxStart);
        hbar.setVisibleAmount(Math.min(visible, maxStart + visible));
        hbar.setUnitIncrement(Math.max(0.25, visible / 20));
        hbar.setBlockIncrement(visible * 0.8);
        if (hbar.getValue() > maxStart) hbar.setValue(maxStart);
        double visibleKeys = rollHeight() / keyHeight.get();
        vbar.setMax(Math.max(0, 128 - visibleKeys)); // keys scrolled down from the top (127)
        vbar.setVisibleAmount(Math.min(128, visibleKeys));
        vbar.setUnitIncrement(1);
        vbar.setBlockIncrement(12);
        if (vbar.getValue() > vbar.getMax()) vbar.setValue(vbar.getMax());
        requestRedraw();
    }

    private void show(PieceEditor next) {
        if (shown != null) shown.removeListener(editorListener);
        endDragQuietly();
        shown = next;
        if (shown != null) shown.addListener(editorListener);
        notes = RollNotes.of(shown);
        pasteQuarter = Double.NaN;
        updateSelectionText();
        fit();
        updateScrollRanges();
        requestRedraw();
    }

    private void onEditorChanged() {
        notes = RollNotes.of(shown);
        updateSelectionText();
        updateScrollRanges();
        requestRedraw();
    }

    private void updateSelectionText() {
        int n = notes.size(), s = notes.selectedCount;
        selectionText.set(shown == null ? "" : s == 0 ? String.format(Locale.ROOT, "%,d notes", n)
                : String.format(Locale.ROOT, "%,d of %,d notes selected", s, n));
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.isShiftDown()) zoomKeys(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            else zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX() - KEYBOARD_WIDTH);
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            scrollToQuarter(hbar.getValue() - d / pixelsPerQuarter.get());
        } else {
            vbar.setValue(clamp(vbar.getValue() - e.getDeltaY() / keyHeight.get(), 0, vbar.getMax()));
        }
        e.consume();
    }

    private void onPlayheadMoved(double seconds) {
        if (!Double.isNaN(seconds) && followPlayhead.get() && drag == Drag.NONE) {
            double q = MusicalGrid.quarterAt(tempoMap(), seconds);
            double visible = rollWidth() / pixelsPerQuarter.get();
            double start = hbar.getValue();
            // Page along like a score: jump when the playhead leaves the view or nears its right edge.
            if (q < start || q > start + visible * 0.9) scrollToQuarter(q - visible * 0.1);
        }
        requestRedraw();
    }

    /** Coalesces redraws: many changes in one pulse give one drawing. */
    private void requestRedraw() {
        if (redrawPending) return;
        redrawPending = true;
        Platform.runLater(() -> {
            redrawPending = false;
            draw();
        });
    }

    /** Draws now (the benchmark and tests call it to time one frame). */
    public void draw() {
        long t0 = System.nanoTime();
        TempoMap map = tempoMap();
        double joinQ = Double.isNaN(joinSeconds.get()) ? Double.NaN : MusicalGrid.quarterAt(map, joinSeconds.get());
        double playQ = Double.isNaN(playhead.get()) ? Double.NaN : MusicalGrid.quarterAt(map, playhead.get());
        double[] loop = loopSeconds.get();
        double[] loopQ = loop == null ? null : new double[] {MusicalGrid.quarterAt(map, loop[0]), MusicalGrid.quarterAt(map, loop[1])};
        RollPainter painter = new RollPainter(new RollPainter.View(notes, shown == null ? List.of() : shown.timeSignatures(), resolution(),
                hbar.getValue(), pixelsPerQuarter.get(), vbar.getValue(), keyHeight.get(), joinQ, primerLabel.get(), snap.get(), hoverKey,
                band, playQ, loopQ));
        Passage marked = highlight.get();
        if (marked != null) painter.highlight(MusicalGrid.quarterAt(map, marked.startSeconds()), MusicalGrid.quarterAt(map, marked.endSeconds()), marked.label());
        painter.paintKeyboard(keyboard.getGraphicsContext2D(), keyboard.getWidth(), keyboard.getHeight());
        lastDrawnNotes = painter.paintRoll(roll.getGraphicsContext2D(), roll.getWidth(), roll.getHeight(), RULER_HEIGHT);
        if (velocityLane.get()) {
            painter.paintVelocity(lane.getGraphicsContext2D(), lane.getWidth(), lane.getHeight());
            RollPainter.paintVelocityCorner(laneCorner.getGraphicsContext2D(), laneCorner.getWidth(), laneCorner.getHeight());
        }
        lastPaintNanos = System.nanoTime() - t0;
    }

    // ---- coordinates

    private double quarterAtX(double x) {
        return hbar.getValue() + x / pixelsPerQuarter.get();
    }

    private int pitchAt(double yBelowRuler) {
        return (int) Math.floor(127 - vbar.getValue() - yBelowRuler / keyHeight.get() + 1);
    }

    private long tickAtX(double x) {
        return Math.max(0, Math.round(quarterAtX(x) * resolution()));
    }

    private long snapTick(long tick, boolean floor) {
        if (shown == null) return tick;
        SnapGrid g = snap.get() == null ? SnapGrid.OFF : snap.get();
        return floor ? g.floor(shown.timeSignatures(), resolution(), tick) : g.nearest(shown.timeSignatures(), resolution(), tick);
    }

    private long gridStep(long atTick) {
        SnapGrid g = snap.get() == null || snap.get() == SnapGrid.OFF ? SnapGrid.SIXTEENTH : snap.get();
        return shown == null ? 120 : g.stepAt(shown.timeSignatures(), resolution(), atTick);
    }

    private int noteAt(double x, double y) {
        if (y < RULER_HEIGHT) return -1;
        return notes.noteAt(quarterAtX(x), pitchAt(y - RULER_HEIGHT));
    }

    private boolean atRightEdge(int i, double x) {
        double right = (notes.end[i] - hbar.getValue()) * pixelsPerQuarter.get();
        double width = (notes.end[i] - notes.start[i]) * pixelsPerQuarter.get();
        return x >= right - Math.min(EDGE, width / 3);
    }

    // ---- gestures on the roll

    private void onRollPressed(MouseEvent e) {
        requestFocus();
        if (shown == null || e.getButton() != MouseButton.PRIMARY) return;
        pressX = e.getX();
        pressY = e.getY();
        if (e.getY() < RULER_HEIGHT) {
            drag = Drag.RULER;
            seekTo(e.getX());
            return;
        }
        int i = noteAt(e.getX(), e.getY());
        boolean additive = e.isShiftDown() || e.isShortcutDown() || e.isControlDown();
        if (i >= 0) {
            NoteRef ref = notes.refs[i];
            if (additive) {
                shown.toggleSelected(ref);
                if (!shown.isSelected(ref)) return;
            } else if (!shown.isSelected(ref)) {
                shown.select(List.of(ref));
            }
            if (!editable.get()) return;
            grabbed = shown.selected();
            grabbedNote = ref.note();
            drag = atRightEdge(i, e.getX()) ? Drag.RESIZE : Drag.MOVE;
            return;
        }
        long tick = tickAtX(e.getX());
        pasteQuarter = snapTick(tick, true) / (double) resolution();
        if (editable.get() && (drawMode.get() || e.getClickCount() == 2)) {
            drawPitch = pitchAt(e.getY() - RULER_HEIGHT);
            if (drawPitch < 0 || drawPitch > 127) return;
            drawStart = snapTick(tick, true);
            drawVelocity = newVelocity();
            drag = Drag.DRAW;
            previewDraw(e.getX());
            return;
        }
        if (!additive) shown.clearSelection();
        drag = Drag.BAND;
        band = new double[] {e.getX(), e.getY(), e.getX(), e.getY()};
        requestRedraw();
    }

    private void onRollDragged(MouseEvent e) {
        if (shown == null) return;
        switch (drag) {
            case RULER -> seekTo(e.getX());
            case MOVE -> {
                long raw = Math.round((e.getX() - pressX) / pixelsPerQuarter.get() * resolution());
                long start = grabbedNote.startTick() + raw;
                long dt = (e.isAltDown() ? start : snapTick(start, false)) - grabbedNote.startTick();
                int dp = pitchAt(e.getY() - RULER_HEIGHT) - pitchAt(pressY - RULER_HEIGHT);
                shown.preview(new NoteCommands.Move(grabbed, dt, dp, tempoMap()));
            }
            case RESIZE -> {
                long raw = Math.round((e.getX() - pressX) / pixelsPerQuarter.get() * resolution());
                long end = grabbedNote.endTick() + raw;
                long snapped = e.isAltDown() ? end : snapTick(end, false);
                if (snapped <= grabbedNote.startTick()) snapped = grabbedNote.startTick() + (e.isAltDown() ? 1 : gridStep(grabbedNote.startTick()));
                shown.preview(new NoteCommands.Resize(grabbed, snapped - grabbedNote.endTick(), e.isAltDown() ? 1 : gridStep(grabbedNote.startTick()),
                        tempoMap()));
            }
            case DRAW -> previewDraw(e.getX());
            case BAND -> {
                band[2] = clamp(e.getX(), 0, rollWidth());
                band[3] = clamp(e.getY(), RULER_HEIGHT, roll.getHeight());
                requestRedraw();
            }
            default -> { }
        }
    }

    private void previewDraw(double x) {
        long step = gridStep(drawStart);
        long end = Math.max(drawStart + step, snapTick(tickAtX(x), false));
        Note n = new Note(drawPitch, drawVelocity, 0, 0, drawStart, end, tempoMap().secondsAt(drawStart),
                Math.max(tempoMap().secondsAt(end), tempoMap().secondsAt(drawStart) + 1e-9));
        shown.preview(new NoteCommands.Add(List.of(n)));
    }

    /** New notes take the velocity most notes around them have (the median of the piece), else 90. */
    private int newVelocity() {
        if (notes.size() == 0) return 90;
        int[] v = notes.velocity.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    private void onRollReleased(MouseEvent e) {
        if (drag == Drag.BAND && band != null && shown != null) {
            double x0 = Math.min(band[0], band[2]), x1 = Math.max(band[0], band[2]);
            double y0 = Math.min(band[1], band[3]), y1 = Math.max(band[1], band[3]);
            if (x1 - x0 > 2 || y1 - y0 > 2) {
                long from = Math.round(quarterAtX(x0) * resolution()), to = Math.round(quarterAtX(x1) * resolution());
                int high = pitchAt(y0 - RULER_HEIGHT), low = pitchAt(y1 - RULER_HEIGHT);
                List<NoteRef> inside = shown.notesIn(from, Math.max(from + 1, to), low, high);
                if (e.isShiftDown() || e.isShortcutDown() || e.isControlDown()) shown.addToSelection(inside);
                else shown.select(inside);
            }
        }
        endDrag();
    }

    private void endDrag() {
        if (shown != null && (drag == Drag.MOVE || drag == Drag.RESIZE || drag == Drag.DRAW || drag == Drag.VELOCITY)) shown.commitPreview();
        drag = Drag.NONE;
        band = null;
        requestRedraw();
    }

    private void endDragQuietly() {
        if (shown != null && shown.previewing()) shown.cancelPreview();
        drag = Drag.NONE;
        band = null;
    }

    private void seekTo(double x) {
        double q = Math.max(0, quarterAtX(x));
        if (onSeek != null) onSeek.accept(tempoMap().secondsAt(Math.round(q * resolution())));
    }

    private void onRollMoved(MouseEvent e) {
        if (e.getY() < RULER_HEIGHT) {
            roll.setCursor(Cursor.DEFAULT);
            setHover(-1);
            setTip(-1);
            return;
        }
        setHover(pitchAt(e.getY() - RULER_HEIGHT));
        int i = noteAt(e.getX(), e.getY());
        setTip(i);
        roll.setCursor(!editable.get() ? Cursor.DEFAULT : i >= 0 ? (atRightEdge(i, e.getX()) ? Cursor.H_RESIZE : Cursor.MOVE)
                : drawMode.get() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
    }

    private void setHover(int key) {
        if (key == hoverKey) return;
        hoverKey = key;
        requestRedraw();
    }

    /** The tooltip of a note: pitch, start as bar:beat, length, velocity. */
    private void setTip(int i) {
        if (i == tipNote) return;
        tipNote = i;
        if (i < 0) {
            Tooltip.uninstall(roll, tip);
            return;
        }
        Note n = notes.refs[i].note();
        tip.setText(describe(n));
        Tooltip.install(roll, tip);
    }

    String describe(Note n) {
        int res = resolution();
        var sigs = shown.timeSignatures();
        return String.format(Locale.ROOT, "%s (%d) · starts %s · %s · velocity %d", Pitches.name(n.pitch()), n.pitch(),
                MusicalGrid.barBeat(sigs, res, n.startTick()), MusicalGrid.length(n.durationTicks(), res), n.velocity());
    }

    // ---- the velocity lane

    private void onLanePressed(MouseEvent e) {
        requestFocus();
        if (shown == null || !editable.get()) return;
        int best = -1;
        double bestDist = 7;
        double q0 = quarterAtX(e.getX() - bestDist), q1 = quarterAtX(e.getX() + bestDist);
        for (int i = notes.firstSoundingAt(q0); i < notes.size() && notes.start[i] <= q1; i++) {
            if (notes.start[i] < q0) continue;
            double d = Math.abs((notes.start[i] - hbar.getValue()) * pixelsPerQuarter.get() - e.getX());
            if (d < bestDist || (d <= bestDist && notes.selected[i] && (best < 0 || !notes.selected[best]))) {
                best = i;
                bestDist = d;
            }
        }
        if (best < 0) return;
        NoteRef ref = notes.refs[best];
        if (!shown.isSelected(ref)) shown.select(List.of(ref));
        grabbed = shown.selected();
        grabbedNote = ref.note();
        drag = Drag.VELOCITY;
        onLaneDragged(e);
    }

    private void onLaneDragged(MouseEvent e) {
        if (drag != Drag.VELOCITY || shown == null) return;
        int v = RollPainter.velocityAt(e.getY(), lane.getHeight());
        int delta = v - grabbedNote.velocity();
        shown.preview(NoteCommands.Velocity.by(grabbed, delta, tempoMap()));
    }

    // ---- keys

    private void onKey(KeyEvent e) {
        if (shown == null) return;
        boolean shortcut = e.isShortcutDown() || e.isControlDown();
        KeyCode k = e.getCode();
        boolean handled = true;
        if (k == KeyCode.SPACE && onTogglePlay != null) onTogglePlay.run();
        else if (k == KeyCode.ESCAPE) {
            if (shown.previewing()) endDragQuietly();
            else shown.clearSelection();
        } else if (shortcut && k == KeyCode.A) selectAll();
        else if (shortcut && k == KeyCode.C) copy();
        else if (shortcut && k == KeyCode.X) cut();
        else if (shortcut && k == KeyCode.V) paste();
        else if (shortcut && k == KeyCode.Z && e.isShiftDown()) redo();
        else if (shortcut && k == KeyCode.Z) undo();
        else if (shortcut && k == KeyCode.Y) redo();
        else if (!editable.get()) handled = false;
        else if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) deleteSelection();
        else if (k == KeyCode.UP) transpose(e.isShiftDown() ? 12 : 1);
        else if (k == KeyCode.DOWN) transpose(e.isShiftDown() ? -12 : -1);
        else if (k == KeyCode.LEFT) nudge(-1, e.isShiftDown());
        else if (k == KeyCode.RIGHT) nudge(1, e.isShiftDown());
        else if (k == KeyCode.Q && !shortcut) quantizeSelection();
        else if (k == KeyCode.D && !shortcut) drawMode.set(!drawMode.get());
        else handled = false;
        if (handled) e.consume();
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
