package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.rondo.engine.encoding.StreamSpec.InputForm;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * Preset velocity-aware: one step per note (all tracks merged, onset order): pitch index (fed raw,
 * for an embedding 128 → 8), time delta from the previous onset (s), velocity / 127.
 *
 * <p>Like the original it carries no duration: decoding holds each note until the next onset more
 * than {@link #CHORD_SPREAD} later (legato; notes closer than that sound as one chord), between {@link #MIN_HOLD} and {@code maxHold} seconds; the last note gets
 * {@code lastHold}. Pitches, onsets and velocities round-trip; durations do not.
 */
public final class PitchEmbeddingDeltaVelocity implements Encoding {
    public static final String NAME = "velocity-aware";
    public static final int PITCH = 0, DELTA = 1, VELOCITY = 2;
    /** Onsets closer than this (seconds) belong to one chord when durations are decoded. */
    public static final double CHORD_SPREAD = 0.05;
    static final double MIN_HOLD = 0.05;

    private static final List<StreamSpec> STREAMS = List.of(
            StreamSpec.categorical("pitch", 128, InputForm.INDEX),
            StreamSpec.real("delta"), StreamSpec.real("velocity"));

    private final double maxHold;
    private final double lastHold;

    public PitchEmbeddingDeltaVelocity(double maxHold, double lastHold) {
        if (!(maxHold >= MIN_HOLD) || !(lastHold > 0)) throw new IllegalArgumentException("bad hold times");
        this.maxHold = maxHold;
        this.lastHold = lastHold;
    }

    /** Notes held at most 2 s, the last one 0.5 s. */
    public static PitchEmbeddingDeltaVelocity standard() {
        return new PitchEmbeddingDeltaVelocity(2.0, 0.5);
    }

    static PitchEmbeddingDeltaVelocity fromSpec(EncodingSpec spec) {
        return new PitchEmbeddingDeltaVelocity(spec.parameter("maxHold", 2.0), spec.parameter("lastHold", 0.5));
    }

    /** Velocity as the network sees it. */
    public static float scaleVelocity(int velocity) {
        return velocity / 127f;
    }

    /** Network output back to a MIDI velocity 1..127. */
    public static int unscaleVelocity(float v) {
        return Float.isNaN(v) ? 64 : Clamp.velocity(Math.round(v * 127.0));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StreamSpec> streams() {
        return STREAMS;
    }

    @Override
    public EncodedPiece encode(Piece piece) {
        List<Note> notes = Clamp.pitchedNotes(piece);
        var b = new EncodedPiece.Builder(piece.name(), STREAMS, notes.size());
        double prev = 0;
        for (Note n : notes) {
            b.add(n.pitch(), n.startSeconds() - prev, scaleVelocity(n.velocity()));
            prev = n.startSeconds();
        }
        return b.build();
    }

    @Override
    public List<Piece.TimedNote> decode(List<Step> steps, DecodeContext ctx) {
        int n = steps.size();
        double[] onset = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += Clamp.seconds(steps.get(i).valueOf(DELTA));
            onset[i] = t;
        }
        List<Piece.TimedNote> out = new ArrayList<>(n);
        int next = 0; // first step with a later onset than step i
        for (int i = 0; i < n; i++) {
            if (next <= i) next = i + 1;
            // Onsets a few milliseconds apart are one chord played expressively: held together
            // until the next chord, not each cut off by its neighbour.
            while (next < n && onset[next] <= onset[i] + CHORD_SPREAD) next++;
            double hold = next < n ? Math.max(MIN_HOLD, Math.min(maxHold, onset[next] - onset[i])) : lastHold;
            Step s = steps.get(i);
            out.add(new Piece.TimedNote(Clamp.pitch(s.classOf(PITCH)), unscaleVelocity(s.valueOf(VELOCITY)),
                    ctx.channel(), onset[i], onset[i] + hold));
        }
        return out;
    }

    @Override
    public boolean[] outsidePitchRange(int stream, int low, int high) {
        return stream == PITCH ? Encoding.midiPitchesOutside(low, high) : null; // class = MIDI pitch
    }

    @Override
    public boolean carriesVelocity() {
        return true;
    }

    @Override
    public EncodingSpec spec() {
        return new EncodingSpec(NAME, Map.of("maxHold", maxHold, "lastHold", lastHold), Map.of());
    }
}
