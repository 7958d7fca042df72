package studio.rondo.engine.train;

import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import studio.rondo.engine.encoding.PieceTransforms;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.music.Piece;

/**
 * On-the-fly augmentation: each epoch every training piece gets its own random transposition,
 * time stretch and velocity stretch within the preset's ranges (a new draw each epoch, so the
 * network sees many variants without storing them). Deterministic for a given {@link Random}.
 */
public final class Augmentation {
    private Augmentation() {
    }

    public static List<Piece> apply(List<Piece> pieces, Hyperparameters hp, Random random) {
        if (!hp.augments()) return pieces;
        List<Piece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            Piece a = p;
            if (hp.transpose() > 0) {
                int semitones = random.nextInt(2 * hp.transpose() + 1) - hp.transpose();
                a = PieceTransforms.transpose(a, semitones).orElse(a); // out of range: keep the original key
            }
            if (hp.timeStretch() > 0) a = PieceTransforms.timeStretch(a, 1 + hp.timeStretch() * (2 * random.nextDouble() - 1));
            if (hp.velocityStretch() > 0) a = PieceTransforms.velocityStretch(a, 1 + hp.velocityStretch() * (2 * random.nextDouble() - 1));
            out.add(a);
        }
        return out;
    }

    /** The corpus with every transposition the augmentation can draw: what corpus vocabularies are fitted on. */
    public static List<Piece> allTranspositions(List<Piece> pieces, int range) {
        if (range == 0) return pieces;
        List<Piece> out = new ArrayList<>(pieces.size() * (2 * range + 1));
        for (Piece p : pieces)
            for (int k = -range; k <= range; k++) PieceTransforms.transpose(p, k).ifPresent(out::add);
        return out;
    }

    /**
     * A piece encoded in every key the augmentation's transposition can draw, its original key ({@code original},
     * already encoded) first: what per-window transposition picks from, on one machine and on a cluster's executors.
     */
    public static List<EncodedPiece> encodedKeys(Piece piece, EncodedPiece original, Encoding encoding, int range) {
        List<EncodedPiece> out = new ArrayList<>(2 * range + 1);
        out.add(original);
        for (int k = -range; k <= range; k++) {
            if (k != 0) PieceTransforms.transpose(piece, k).ifPresent(t -> out.add(encoding.encode(t)));
        }
        return out;
    }
}
