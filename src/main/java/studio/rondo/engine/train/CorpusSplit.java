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

    /** Every piece, training pieces first. */
    public List<Piece> all() {
        List<Piece> all = new ArrayList<>(train);
        all.addAll(validation);
        return all;
    }

    /**
     * The split a model was trained with, from the names of its validation pieces; empty when the
     * corpus lacks one of them or names are ambiguous (then the seed's split is the best guess).
     */
    public static java.util.Optional<CorpusSplit> restore(List<Piece> pieces, List<String> validationNames) {
        if (validationNames == null || validationNames.isEmpty()) return java.util.Optional.empty();
        java.util.Set<String> wanted = new java.util.HashSet<>(validationNames);
        if (wanted.size() != validationNames.size()) return java.util.Optional.empty();
        List<Piece> train = new ArrayList<>();
        java.util.Map<String, Piece> validation = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Piece p : pieces) {
            if (!seen.add(p.name())) return java.util.Optional.empty();
            if (wanted.contains(p.name())) validation.put(p.name(), p);
            else train.add(p);
        }
        if (validation.size() != wanted.size() || train.isEmpty()) return java.util.Optional.empty();
        train.sort(Comparator.comparing(Piece::name)); // whatever order the files came in
        return java.util.Optional.of(new CorpusSplit(train, validationNames.stream().map(validation::get).toList()));
    }
}
