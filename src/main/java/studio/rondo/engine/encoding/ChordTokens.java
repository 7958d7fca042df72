package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.rondo.engine.encoding.StreamSpec.InputForm;
import studio.rondo.music.Piece;

/**
 * Preset chord-tokens ("Classical Piano Composer", fixed): one step per note or chord (see
 * {@link GridEvents}) whose token keeps every pitch with its octave ("C4", "A2.C3.E3"), plus the
 * quantised offset from the previous step and the quantised duration (the original dropped
 * octaves, placed every token 0.5 quarter apart and made every note a quarter).
 *
 * <p>The token vocabulary is fitted on the corpus: index 0 is {@code <unk>}, 1 is {@code <rest>}
 * (fills gaps longer than the largest offset), then tokens by frequency. Rule for unknown tokens:
 * a chord or note the corpus never had (or had fewer than {@code minCount} times) encodes as
 * {@code <unk>}, which decodes to silence for its duration; a sampler may mask it out. Offsets
 * (0..maxOffset grid units) and durations (1..maxDuration) are fixed grids, so they never mismatch.
 * Like the original, each stream is fed as one feature: index / size.
 */
public final class ChordTokens implements Encoding {
    public static final String NAME = "chord-tokens";
    public static final int TOKEN = 0, OFFSET = 1, DURATION = 2;

    private final QuarterGrid grid;
    private final int minCount;
    private final Vocabulary tokens; // null until fitted
    private final List<StreamSpec> streams;

    private ChordTokens(QuarterGrid grid, int minCount, Vocabulary tokens) {
        if (minCount < 1) throw new IllegalArgumentException("minCount must be at least 1: " + minCount);
        this.grid = grid;
        this.minCount = minCount;
        this.tokens = tokens;
        this.streams = tokens == null ? List.of() : List.of(
                StreamSpec.categorical("token", tokens.size(), InputForm.SCALED_INDEX),
                StreamSpec.categorical("offset", grid.maxOffset() + 1, InputForm.SCALED_INDEX),
                StreamSpec.categorical("duration", grid.maxDuration(), InputForm.SCALED_INDEX));
    }

    /** Unfitted, standard grid (1/12 quarter, maxima 8 quarters), every corpus token kept. */
    public static ChordTokens unfitted() {
        return new ChordTokens(QuarterGrid.STANDARD, 1, null);
    }

    /** Unfitted; tokens seen fewer than {@code minCount} times in the corpus become {@code <unk>}. */
    public static ChordTokens unfitted(int perQuarter, int maxOffsetQuarters, int maxDurationQuarters, int minCount) {
        return new ChordTokens(new QuarterGrid(perQuarter, maxOffsetQuarters * perQuarter, maxDurationQuarters * perQuarter), minCount, null);
    }

    static ChordTokens fromSpec(EncodingSpec spec) {
        return new ChordTokens(QuarterGrid.fromSpec(spec), spec.intParameter("minCount", 1), spec.vocabulary("token"));
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
        return tokens != null;
    }

    public Vocabulary vocabulary() {
        requireFitted();
        return tokens;
    }

    @Override
    public ChordTokens fit(List<Piece> corpus) {
        Map<String, Integer> counts = new HashMap<>();
        for (Piece p : corpus) for (GridEvents.Item it : items(p)) counts.merge(it.token(), 1, Integer::sum);
        return new ChordTokens(grid, minCount, Vocabulary.fromCounts(counts, ThreeStream.RESERVED, minCount));
    }

    @Override
    public EncodedPiece encode(Piece piece) {
        requireFitted();
        List<GridEvents.Item> items = items(piece);
        var b = new EncodedPiece.Builder(piece.name(), streams, items.size());
        for (GridEvents.Item it : items) b.add(tokens.indexOrUnknown(it.token()), it.offset(), it.duration() - 1);
        return b.build();
    }

    @Override
    public List<Piece.TimedNote> decode(List<Step> steps, DecodeContext ctx) {
        requireFitted();
        List<GridEvents.Item> items = new ArrayList<>(steps.size());
        for (Step s : steps) items.add(new GridEvents.Item(tokens.token(s.classOf(TOKEN)), s.classOf(OFFSET), s.classOf(DURATION) + 1));
        return GridEvents.notes(items, grid.grid(), ctx);
    }

    @Override
    public boolean[] outsidePitchRange(int stream, int low, int high) {
        return stream == TOKEN ? GridEvents.outsideRange(vocabulary(), low, high) : null;
    }

    @Override
    public EncodingSpec spec() {
        requireFitted();
        Map<String, Double> params = new HashMap<>(grid.parameters());
        params.put("minCount", (double) minCount);
        return new EncodingSpec(NAME, params, Map.of("token", tokens.tokens()));
    }

    /** Quantisation step in quarters. */
    public double quarterStep() {
        return grid.quarterStep();
    }

    private List<GridEvents.Item> items(Piece p) {
        return GridEvents.items(GridEvents.events(p, grid.grid(), grid.maxDuration()), grid.maxOffset(), grid.maxDuration());
    }

    private void requireFitted() {
        if (tokens == null) throw new IllegalStateException(NAME + " encoding is not fitted: call fit(corpus) or restore it from its spec");
    }
}
