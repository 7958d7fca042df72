package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A training example: input steps {@code start .. start+length-1} of a piece; the target is the next
 * step, {@link #targetStep()} (for per-step training, step {@code t}'s target is {@code t+1}).
 */
public record Window(EncodedPiece piece, int start, int length) {

    public Window {
        if (start < 0 || length < 1 || start + length >= piece.length())
            throw new IllegalArgumentException("window " + start + "+" + length + " does not fit a piece of " + piece.length() + " steps");
    }

    public int targetStep() {
        return start + length;
    }

    /**
     * All windows of {@code seqLen} steps with a next step to predict, starting every {@code stride}
     * steps. A piece shorter than {@code seqLen + 1} steps gives none.
     */
    public static List<Window> over(EncodedPiece piece, int seqLen, int stride) {
        if (seqLen < 1 || stride < 1) throw new IllegalArgumentException("seqLen and stride must be positive");
        List<Window> out = new ArrayList<>();
        for (int s = 0; s + seqLen < piece.length(); s += stride) out.add(new Window(piece, s, seqLen));
        return out;
    }

    /** Windows of every piece; keep pieces (not windows) apart for the validation split. */
    public static List<Window> over(List<EncodedPiece> pieces, int seqLen, int stride) {
        List<Window> out = new ArrayList<>();
        for (EncodedPiece p : pieces) out.addAll(over(p, seqLen, stride));
        return out;
    }
}
