package studio.rondo.engine.encoding;

import java.util.List;
import studio.rondo.music.Piece;

/**
 * Turns a {@link Piece} into a sequence of steps a network learns from, and a sequence of sampled
 * steps back into notes. Implementations are immutable: {@link #fit} returns a new, fitted instance.
 */
public interface Encoding {

    /** Name stored in model files, e.g. "three-stream". */
    String name();

    /** The streams of each step, in order; input features and output heads are built from these. */
    List<StreamSpec> streams();

    /** Input features per time step (sum of the streams' input widths). */
    default int inputFeatures() {
        return streams().stream().mapToInt(StreamSpec::inputWidth).sum();
    }

    /**
     * Builds the corpus vocabularies. Encodings with fixed vocabularies (the default) return themselves.
     * To train on transposed copies, fit on them too, or unseen chords will encode as unknown.
     */
    default Encoding fit(List<Piece> corpus) {
        return this;
    }

    /** False only for encodings that need {@link #fit} before {@link #encode}. */
    default boolean fitted() {
        return true;
    }

    /** Encodes a piece (drums skipped). */
    EncodedPiece encode(Piece piece);

    /**
     * Decodes steps (e.g. what a sampler produced) into notes placed in seconds. Never fails on
     * model output: times are clamped to be non-negative, notes to a positive length, pitches to
     * 0..127 and velocities to 1..127.
     */
    List<Piece.TimedNote> decode(List<Step> steps, DecodeContext context);

    /** Decodes into a piece whose ticks come from the context's tempo map. */
    default Piece decodePiece(String name, List<Step> steps, DecodeContext context) {
        return Piece.fromSeconds(name, decode(steps, context), context.tempoMap());
    }

    /**
     * The classes of a categorical stream that would sound a pitch outside {@code low..high}: a
     * sampler never draws them. The default (no stream names pitches) allows every class: null.
     *
     * @return per class of {@code stream}, true = never draw; null when the stream names no pitches
     */
    default boolean[] outsidePitchRange(int stream, int low, int high) {
        return null;
    }

    /** The mask of a stream whose class is the MIDI pitch: true for the 128 pitches outside low..high. */
    static boolean[] midiPitchesOutside(int low, int high) {
        boolean[] out = new boolean[128];
        for (int p = 0; p < 128; p++) out[p] = p < low || p > high;
        return out;
    }

    /** True when the steps carry each note's velocity (else decoding gives every note the context's). */
    default boolean carriesVelocity() {
        return false;
    }

    /** The state that recreates this encoding through {@link Encodings#fromSpec}. */
    EncodingSpec spec();
}
