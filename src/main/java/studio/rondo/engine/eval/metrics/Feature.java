package studio.rondo.engine.eval.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-piece features (after mgeval's pitch- and rhythm-based features), all taken on the notes of
 * every track merged in (onset, pitch) order. Eight are single numbers, two are 12-bin histograms
 * (each summing to 1); distances between pieces are Euclidean in either case.
 */
public enum Feature {
    DISTINCT_PITCHES("distinct-pitches", "Distinct pitches", "", "%.0f"),
    PITCH_RANGE("pitch-range", "Pitch range", "semitones", "%.0f"),
    MEAN_INTERVAL("mean-interval", "Mean interval", "semitones", "%.2f"),
    NOTES_PER_10S("notes-per-10s", "Notes per 10 s", "", "%.1f"),
    MEAN_IOI("mean-ioi", "Mean inter-onset interval", "s", "%.3f"),
    POLYPHONY("polyphony", "Mean polyphony", "notes", "%.2f"),
    SCALE_CONSISTENCY("scale-consistency", "Scale consistency", "", "%.3f"),
    PITCH_CLASS_ENTROPY("pitch-class-entropy", "Pitch-class entropy", "bits", "%.2f"),
    PITCH_CLASS_HISTOGRAM("pitch-class-histogram", "Pitch-class histogram", "", null),
    NOTE_LENGTH_HISTOGRAM("note-length-histogram", "Note-length histogram", "", null);

    /** The bins of {@link #PITCH_CLASS_HISTOGRAM}, C first. */
    public static final List<String> PITCH_CLASSES = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");

    /**
     * The bins of {@link #NOTE_LENGTH_HISTOGRAM}, shortest first: each note counts in the class
     * nearest to its length in quarter notes (on a log scale). T = triplet, a dot = dotted.
     */
    public static final List<String> NOTE_LENGTHS = List.of("1/16", "1/8T", "1/16.", "1/8", "1/4T", "1/8.", "1/4", "1/2T", "1/4.",
            "1/2", "1/2.", "1");

    /** The lengths of {@link #NOTE_LENGTHS} in quarter notes. */
    static final double[] NOTE_LENGTH_QUARTERS = {0.25, 1 / 3.0, 0.375, 0.5, 2 / 3.0, 0.75, 1, 4 / 3.0, 1.5, 2, 3, 4};

    private final String id;
    private final String label;
    private final String unit;
    private final String format;

    Feature(String id, String label, String unit, String format) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.format = format;
    }

    /** Name on the command line and in JSON ("notes-per-10s"). */
    public String id() {
        return id;
    }

    /** "Notes per 10 s". */
    public String label() {
        return label;
    }

    /** "semitones", "s", "bits" or "". */
    public String unit() {
        return unit;
    }

    public boolean isHistogram() {
        return format == null;
    }

    /** Values of this feature for one piece: 1 for a number, 12 for a histogram. */
    public int dimensions() {
        return isHistogram() ? 12 : 1;
    }

    /** The bin names of a histogram feature (empty for a number). */
    public List<String> bins() {
        return this == PITCH_CLASS_HISTOGRAM ? PITCH_CLASSES : this == NOTE_LENGTH_HISTOGRAM ? NOTE_LENGTHS : List.of();
    }

    /** A value of this (single-number) feature as a musician reads it: "38.2", "0.982". */
    public String format(double value) {
        if (!Double.isFinite(value)) return "-";
        return String.format(Locale.ROOT, format == null ? "%.3f" : format, value);
    }

    public static Optional<Feature> byId(String id) {
        for (Feature f : values()) if (f.id.equalsIgnoreCase(id)) return Optional.of(f);
        return Optional.empty();
    }

    /** The single-number features, in order. */
    public static List<Feature> scalars() {
        return List.of(DISTINCT_PITCHES, PITCH_RANGE, MEAN_INTERVAL, NOTES_PER_10S, MEAN_IOI, POLYPHONY, SCALE_CONSISTENCY, PITCH_CLASS_ENTROPY);
    }
}
