package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Token string ↔ index. Stored in model files as its plain token list ({@link #tokens()}), so the
 * generator uses exactly the indices the network was trained with.
 *
 * <p>Order is stable: the reserved tokens first (in the order given), then the corpus tokens by
 * descending count, ties by token string. The same corpus therefore always gives the same
 * vocabulary, whatever order its pieces were read in.
 */
public final class Vocabulary {
    /** Index 0 of every corpus vocabulary built by {@link #fromCounts}: tokens the corpus never had. */
    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> index;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.index = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (index.put(this.tokens.get(i), i) != null)
                throw new IllegalArgumentException("duplicate token in vocabulary: " + this.tokens.get(i));
        }
    }

    /** Restores a vocabulary from its stored token list (index = position). */
    public static Vocabulary of(List<String> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("empty vocabulary");
        return new Vocabulary(tokens);
    }

    /**
     * Builds a vocabulary from token counts: {@code reserved} tokens first, then every token seen at
     * least {@code minCount} times (rarer ones are left out and encode as {@link #UNKNOWN} if it is
     * reserved).
     */
    public static Vocabulary fromCounts(Map<String, Integer> counts, List<String> reserved, int minCount) {
        List<String> out = new ArrayList<>(reserved);
        var reservedSet = new HashSet<>(reserved);
        // TreeMap first: ties then fall in token order whatever the map's iteration order was.
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(new TreeMap<>(counts).entrySet());
        entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Integer> e : entries) {
            if (e.getValue() >= minCount && !reservedSet.contains(e.getKey())) out.add(e.getKey());
        }
        return of(out);
    }

    /** Counts tokens, for {@link #fromCounts}. */
    public static void count(Map<String, Integer> counts, Collection<String> tokens) {
        for (String t : tokens) counts.merge(t, 1, Integer::sum);
    }

    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        return tokens.get(i);
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** Index of a token, or -1. */
    public int indexOf(String token) {
        Integer i = index.get(token);
        return i == null ? -1 : i;
    }

    /** Index of a token, or of {@link #UNKNOWN} (which must then be in the vocabulary). */
    public int indexOrUnknown(String token) {
        Integer i = index.get(token);
        if (i != null) return i;
        Integer unk = index.get(UNKNOWN);
        if (unk == null) throw new IllegalArgumentException("token not in vocabulary: " + token);
        return unk;
    }

    /** The JSON-friendly stored form: index = position. */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokens.equals(v.tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " tokens]";
    }
}
