package studio.rondo.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import studio.rondo.music.Piece;

/**
 * Train/validation split by piece, never by window (windows of one piece on both sides would make
 * the validation figures meaningless). Deterministic for a seed whatever order the pieces came in:
 * pieces are sorted by name before the seeded shuffle.
 */
public record CorpusSplit(List<Piece> train, List<Piece> validation) {

    public CorpusSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * @param valFraction fraction of pieces to hold out, in [0, 1); at least one piece is held out
     *                    when the fraction is positive and there are two pieces or more, and at
     *                    least one is always kept for training
     */
    public static CorpusSplit of(List<Piece> pieces, double valFraction, long seed) {
        if (!(valFraction >= 0 && valFraction < 1)) throw new IllegalArgumentException("validation fraction must be in [0, 1): " + valFraction);
        List<Piece> order = new ArrayList<>(pieces);
        order.sort(Comparator.comparing(Piece::name).thenComparingInt(p -> p.notes().size()));
        Collections.shuffle(order, new Random(seed));
        int n = order.size();
        int val = valFraction == 0 || n < 2 ? 0 : (int) Math.min(n - 1, Math.max(1, Math.round(n * valFraction)));
        return new CorpusSplit(order.subList(val, n), order.subList(0, val));
    }
}
