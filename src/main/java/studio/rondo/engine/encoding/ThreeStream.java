package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.rondo.engine.encoding.StreamSpec.InputForm;
import studio.rondo.music.Piece;

/**
 * Preset three-stream: one step per note or chord (see {@link GridEvents}) with three categorical
 * streams, each with its own vocabulary fitted on the corpus: the note or chord name ("C4",
 * "A2.C3.E3"), the offset from the previous event and the duration, both as quarter-length
 * fractions ("1/3", "2"). All three are fed one-hot.
 *
 * <p>Unseen tokens: an unseen note or chord encodes as {@code <unk>} (index 0), which decodes to
 * silence for its duration; an unseen offset or duration encodes as the nearest one in the
 * vocabulary. Gaps beyond the largest offset are cut into {@code <rest>} steps (index 1).
 */
public final class ThreeStream implements Encoding {
    public static final String NAME = "three-stream";
    public static final int NOTE = 0, OFFSET = 1, DURATION = 2;
    static final List<String> RESERVED = List.of(Vocabulary.UNKNOWN, GridEvents.REST);

    private final QuarterGrid grid;
    private final Vocabulary notes, offsets, durations; // null until fitted
    private final long[] offsetUnits, durationUnits; // numeric value of each offset / duration token
    private final List<StreamSpec> streams;

    private ThreeStream(QuarterGrid grid, Vocabulary notes, Vocabulary offsets, Vocabulary durations) {
        this.grid = grid;
        this.notes = notes;
        this.offsets = offsets;
        this.durations = durations;
        this.offsetUnits = offsets == null ? null : units(offsets, grid.grid());
        this.durationUnits = durations == null ? null : units(durations, grid.grid());
        this.streams = notes == null ? List.of() : List.of(
                StreamSpec.categorical("note", notes.size(), InputForm.ONE_HOT),
                StreamSpec.categorical("offset", offsets.size(), InputForm.ONE_HOT),
                StreamSpec.categorical("duration", durations.size(), InputForm.ONE_HOT));
    }

    /** Unfitted, on the standard grid (1/12 quarter, offsets and durations up to 8 quarters). */
    public static ThreeStream unfitted() {
        return new ThreeStream(QuarterGrid.STANDARD, null, null, null);
    }

    /** Unfitted, on a grid of {@code perQuarter} steps and maxima in quarters. */
    public static ThreeStream unfitted(int perQuarter, int maxOffsetQuarters, int maxDurationQuarters) {
        return new ThreeStream(new QuarterGrid(perQuarter, maxOffsetQuarters * perQuarter, maxDurationQuarters * perQuarter), null, null, null);
    }

    static ThreeStream fromSpec(EncodingSpec spec) {
        return new ThreeStream(QuarterGrid.fromSpec(spec), spec.vocabulary("note"), spec.vocabulary("offset"), spec.vocabulary("duration"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StreamSpec> streams() {
        requireFitted();
        return streams;
    }

    @Override
    public boolean fitted() {
        return notes != null;
    }

    public Vocabulary noteVocabulary() {
        requireFitted();
        return notes;
    }

    public Vocabulary offsetVocabulary() {
        requireFitted();
        return offsets;
    }

    public Vocabulary durationVocabulary() {
        requireFitted();
        return durations;
    }

    @Override
    public ThreeStream fit(List<Piece> corpus) {
        Map<String, Integer> n = new HashMap<>(), o = new HashMap<>(), d = new HashMap<>();
        for (Piece p : corpus) {
            for (GridEvents.Item it : items(p)) {
                n.merge(it.token(), 1, Integer::sum);
                o.merge(GridEvents.fraction(it.offset(), grid.grid()), 1, Integer::sum);
                d.merge(GridEvents.fraction(it.duration(), grid.grid()), 1, Integer::sum);
            }
        }
        if (o.isEmpty()) throw new IllegalArgumentException("cannot fit " + NAME + ": the corpus has no notes");
        return new ThreeStream(grid, Vocabulary.fromCounts(n, RESERVED, 1),
                Vocabulary.fromCounts(o, List.of(), 1), Vocabulary.fromCounts(d, List.of(), 1));
    }

    @Override
    public EncodedPiece encode(Piece piece) {
        requireFitted();
        List<GridEvents.Item> items = items(piece);
        var b = new EncodedPiece.Builder(piece.name(), streams, items.size());
        for (GridEvents.Item it : items) {
            b.add(notes.indexOrUnknown(it.token()), nearest(offsetUnits, it.offset()), nearest(durationUnits, it.duration()));
        }
        return b.build();
    }

    @Override
    public List<Piece.TimedNote> decode(List<Step> steps, DecodeContext ctx) {
        requireFitted();
        List<GridEvents.Item> items = new ArrayList<>(steps.size());
        for (Step s : steps) {
            items.add(new GridEvents.Item(notes.token(s.classOf(NOTE)),
                    (int) offsetUnits[s.classOf(OFFSET)], (int) durationUnits[s.classOf(DURATION)]));
        }
        return GridEvents.notes(items, grid.grid(), ctx);
    }

    @Override
    public boolean[] outsidePitchRange(int stream, int low, int high) {
        return stream == NOTE ? GridEvents.outsideRange(noteVocabulary(), low, high) : null;
    }

    @Override
    public EncodingSpec spec() {
        requireFitted();
        return new EncodingSpec(NAME, grid.parameters(),
                Map.of("note", notes.tokens(), "offset", offsets.tokens(), "duration", durations.tokens()));
    }

    /** Quantisation step in quarters. */
    public double quarterStep() {
        return grid.quarterStep();
    }

    private List<GridEvents.Item> items(Piece p) {
        return GridEvents.items(GridEvents.events(p, grid.grid(), grid.maxDuration()), grid.maxOffset(), grid.maxDuration());
    }

    private static long[] units(Vocabulary v, int grid) {
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = GridEvents.parseFraction(v.token(i), grid);
        return out;
    }

    /** Index of the value closest to {@code units} (exact when the corpus had it). */
    private static int nearest(long[] values, long units) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - units) < Math.abs(values[best] - units)) best = i;
        }
        return best;
    }

    private void requireFitted() {
        if (notes == null) throw new IllegalStateException(NAME + " encoding is not fitted: call fit(corpus) or restore it from its spec");
    }
}
