package studio.rondo.engine.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Piece;

/**
 * What judging generated pieces against one corpus needs, built once per corpus: its features as a
 * {@link ReferenceSet} and its {@link OriginalityIndex}. Immutable; share it between generations.
 *
 * @param reference   the corpus's features, ready for comparisons
 * @param index       the corpus's interval index
 * @param notes       notes in the corpus
 * @param buildMillis how long building took (features and index), ms
 */
public record CorpusReference(ReferenceSet reference, OriginalityIndex index, long notes, double buildMillis) {

    /**
     * @param pieces at least two pieces with notes
     * @param names  how reports name each piece, in order
     */
    public static CorpusReference of(List<Piece> pieces, List<String> names) {
        long t0 = System.nanoTime();
        List<PieceFeatures> features = new ArrayList<>(pieces.size());
        long notes = 0;
        for (int i = 0; i < pieces.size(); i++) {
            features.add(PieceFeatures.of(pieces.get(i)));
            notes += pieces.get(i).notes().size();
        }
        ReferenceSet reference = ReferenceSet.of(features);
        OriginalityIndex index = OriginalityIndex.build(pieces, names);
        return new CorpusReference(reference, index, notes, (System.nanoTime() - t0) / 1e6);
    }

    public int pieces() {
        return reference.size();
    }

    /**
     * Judges generated pieces: each one's features and originality, and the set against the corpus.
     *
     * @param pieces      the generated pieces
     * @param fromSeconds for each piece, where its generated part starts (0 for all of it)
     */
    public Judgement judge(List<Piece> pieces, double[] fromSeconds) {
        long t0 = System.nanoTime();
        List<PieceFeatures> features = new ArrayList<>();
        List<Originality> originality = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            features.add(PieceFeatures.of(pieces.get(i), fromSeconds[i]));
            originality.add(index.check(pieces.get(i), fromSeconds[i]));
        }
        SetComparison set = reference.compare(features);
        return new Judgement(features, originality, set, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * @param features    per generated piece
     * @param originality per generated piece
     * @param set         the generated pieces against the corpus
     * @param millis      how long judging took, ms
     */
    public record Judgement(List<PieceFeatures> features, List<Originality> originality, SetComparison set, double millis) {
    }
}
