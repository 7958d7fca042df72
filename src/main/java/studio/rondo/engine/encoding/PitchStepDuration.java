package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.rondo.engine.encoding.StreamSpec.InputForm;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * One step per note (all tracks merged, onset order): pitch, step = onset − previous onset (s),
 * duration (s). Targets are the next note's three values. Two input layouts: one-hot pitch
 * (130 features, preset pitch-step-duration) and pitch / 128 (3 features, preset tf-tutorial).
 * The first step's "previous onset" is 0, so leading silence survives a round trip.
 */
public final class PitchStepDuration implements Encoding {
    public static final String ONE_HOT_NAME = "pitch-step-duration";
    public static final String SCALED_NAME = "tf-tutorial";
    public static final int PITCH = 0, STEP = 1, DURATION = 2;

    private final String name;
    private final List<StreamSpec> streams;

    private PitchStepDuration(String name, InputForm pitchForm) {
        this.name = name;
        this.streams = List.of(StreamSpec.categorical("pitch", 128, pitchForm),
                StreamSpec.real("step"), StreamSpec.real("duration"));
    }

    /** 128 one-hot pitch features + step + duration. */
    public static PitchStepDuration oneHot() {
        return new PitchStepDuration(ONE_HOT_NAME, InputForm.ONE_HOT);
    }

    /** pitch / 128 + step + duration, as TensorFlow's tutorial fed it. */
    public static PitchStepDuration scaled() {
        return new PitchStepDuration(SCALED_NAME, InputForm.SCALED_INDEX);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<StreamSpec> streams() {
        return streams;
    }

    @Override
    public EncodedPiece encode(Piece piece) {
        List<Note> notes = Clamp.pitchedNotes(piece);
        var b = new EncodedPiece.Builder(piece.name(), streams, notes.size());
        double prev = 0;
        for (Note n : notes) {
            b.add(n.pitch(), n.startSeconds() - prev, n.durationSeconds());
            prev = n.startSeconds();
        }
        return b.build();
    }

    @Override
    public List<Piece.TimedNote> decode(List<Step> steps, DecodeContext ctx) {
        List<Piece.TimedNote> out = new ArrayList<>(steps.size());
        double t = 0;
        for (Step s : steps) {
            t += Clamp.seconds(s.valueOf(STEP));
            double d = Clamp.noteSeconds(s.valueOf(DURATION));
            out.add(new Piece.TimedNote(Clamp.pitch(s.classOf(PITCH)), ctx.velocity(), ctx.channel(), t, t + d));
        }
        return out;
    }

    @Override
    public boolean[] outsidePitchRange(int stream, int low, int high) {
        return stream == PITCH ? Encoding.midiPitchesOutside(low, high) : null; // class = MIDI pitch
    }

    @Override
    public EncodingSpec spec() {
        return new EncodingSpec(name, Map.of(), Map.of());
    }
}
