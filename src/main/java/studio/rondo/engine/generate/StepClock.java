package studio.rondo.engine.generate;

import java.util.List;
import studio.rondo.engine.encoding.ChordTokens;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Performance;
import studio.rondo.engine.encoding.PitchEmbeddingDeltaVelocity;
import studio.rondo.engine.encoding.PitchStepDuration;
import studio.rondo.engine.encoding.Step;
import studio.rondo.engine.encoding.ThreeStream;
import studio.rondo.music.TempoMap;

/**
 * What one sampled step means in time, without decoding the whole sequence: how far it moves the
 * time cursor and how many notes it starts. The generator uses it to stop at a length in notes or
 * seconds, to report progress, and to place generated notes after the primer. The rules mirror each
 * encoding's decode (same clamps), at a constant tempo for the quarter-based encodings.
 */
final class StepClock {
    private static final double MAX_SECONDS = 30; // the encodings' decode clamp on one time value

    private final Encoding encoding;
    private final double secondsPerQuarter;
    private final double[] offsetSeconds; // per offset class (quarter-based encodings)
    private final double[] offsetQuarters; // per offset class (quarter-based encodings)
    private final int[] notesPerToken; // per note/chord token (quarter-based encodings)

    StepClock(Encoding encoding, double bpm) {
        this.encoding = encoding;
        this.secondsPerQuarter = 60.0 / bpm;
        if (encoding instanceof ThreeStream ts) {
            List<String> offsets = ts.offsetVocabulary().tokens();
            offsetSeconds = new double[offsets.size()];
            offsetQuarters = new double[offsets.size()];
            for (int i = 0; i < offsetSeconds.length; i++) offsetQuarters[i] = Math.max(0, quarters(offsets.get(i)));
            notesPerToken = chordSizes(ts.noteVocabulary().tokens());
        } else if (encoding instanceof ChordTokens ct) {
            int classes = ct.streams().get(ChordTokens.OFFSET).size();
            offsetSeconds = new double[classes];
            offsetQuarters = new double[classes];
            for (int i = 0; i < classes; i++) offsetQuarters[i] = i * ct.quarterStep();
            notesPerToken = chordSizes(ct.vocabulary().tokens());
        } else {
            offsetQuarters = null;
            offsetSeconds = null;
            notesPerToken = null;
        }
        if (offsetSeconds != null) for (int i = 0; i < offsetSeconds.length; i++) offsetSeconds[i] = offsetQuarters[i] * secondsPerQuarter;
    }

    /**
     * Where a sequence of steps leaves the time cursor, in seconds of {@code map}: quarter-based
     * encodings count quarters and read them through the map's tempo changes; the others count seconds.
     */
    double end(List<Step> steps, TempoMap map) {
        if (offsetQuarters == null) {
            double t = 0;
            for (Step s : steps) t += advance(s);
            return t;
        }
        double q = 0;
        for (Step s : steps) q += offsetQuarters[s.classOf(1)];
        return map.secondsAt(Math.round(q * map.resolution()));
    }

    /** Seconds from the previous step's onset (or the performance cursor) to this step's. */
    double advance(Step s) {
        return switch (encoding.name()) {
            case PitchStepDuration.ONE_HOT_NAME, PitchStepDuration.SCALED_NAME -> seconds(s.valueOf(PitchStepDuration.STEP));
            case PitchEmbeddingDeltaVelocity.NAME -> seconds(s.valueOf(PitchEmbeddingDeltaVelocity.DELTA));
            case Performance.NAME -> {
                int e = s.classOf(0);
                yield e >= Performance.TIME_SHIFT && e < Performance.VELOCITY ? (e - Performance.TIME_SHIFT + 1) * Performance.SECONDS_PER_STEP : 0;
            }
            default -> offsetSeconds[s.classOf(1)]; // three-stream and chord-tokens: stream 1 is the offset
        };
    }

    /** Notes this step starts (0 for rests, unknown tokens, and non-NOTE_ON events). */
    int notes(Step s) {
        return switch (encoding.name()) {
            case PitchStepDuration.ONE_HOT_NAME, PitchStepDuration.SCALED_NAME, PitchEmbeddingDeltaVelocity.NAME -> 1;
            case Performance.NAME -> s.classOf(0) < Performance.NOTE_OFF ? 1 : 0;
            default -> notesPerToken[s.classOf(0)];
        };
    }

    private static double seconds(float v) {
        return v > 0 ? Math.min(v, MAX_SECONDS) : 0; // NaN and negatives count as 0, as decode does
    }

    /** "3/2" → 1.5, "2" → 2. */
    private static double quarters(String fraction) {
        int slash = fraction.indexOf('/');
        if (slash < 0) return Double.parseDouble(fraction);
        return Double.parseDouble(fraction.substring(0, slash)) / Double.parseDouble(fraction.substring(slash + 1));
    }

    /** Pitches in each token: "A2.C3.E3" → 3; "<rest>", "<unk>" → 0. */
    private static int[] chordSizes(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            String t = tokens.get(i);
            out[i] = t.isEmpty() || t.charAt(0) == '<' ? 0 : (int) t.chars().filter(c -> c == '.').count() + 1;
        }
        return out;
    }
}
