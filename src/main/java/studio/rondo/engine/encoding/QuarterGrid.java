package studio.rondo.engine.encoding;

import java.util.Map;

/**
 * The quantisation of the quarter-based encodings, in grid units of 1/{@code grid} quarter.
 * Defaults: 12 per quarter (sixteenths and triplets exact), offsets and durations up to 8 quarters.
 * Longer durations are shortened to the maximum; longer gaps are cut into rests.
 */
record QuarterGrid(int grid, int maxOffset, int maxDuration) {
    static final QuarterGrid STANDARD = new QuarterGrid(12, 96, 96);

    QuarterGrid {
        if (grid < 1 || maxOffset < 1 || maxDuration < 1) throw new IllegalArgumentException("bad grid " + grid + "/" + maxOffset + "/" + maxDuration);
    }

    static QuarterGrid fromSpec(EncodingSpec spec) {
        return new QuarterGrid(spec.intParameter("grid", STANDARD.grid), spec.intParameter("maxOffset", STANDARD.maxOffset),
                spec.intParameter("maxDuration", STANDARD.maxDuration));
    }

    Map<String, Double> parameters() {
        return Map.of("grid", (double) grid, "maxOffset", (double) maxOffset, "maxDuration", (double) maxDuration);
    }

    /** Length of one grid unit in quarters. */
    double quarterStep() {
        return 1.0 / grid;
    }
}
