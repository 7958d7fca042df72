package studio.rondo.engine.eval.metrics;

/**
 * How much of one generated piece is found verbatim in a training corpus, transposition aside
 * ({@link OriginalityIndex#check}).
 *
 * @param name             the generated piece
 * @param notes            its notes
 * @param sequences        its 8-note interval sequences (notes - 7; 0 below 8 notes)
 * @param sequencesFound   how many of them occur somewhere in the corpus
 * @param longestRun       the longest run of consecutive notes whose intervals occur verbatim in one
 *                         training piece; 0 when no run of {@link OriginalityIndex#GRAM_NOTES} notes does
 * @param source           the training piece it occurs in (null when none)
 * @param sourceSeconds    where the run starts there, seconds
 * @param sourceBar        in which bar it starts there, from 1
 * @param startSeconds     where the run starts in the generated piece, seconds
 * @param endSeconds       where its last note ends in the generated piece
 * @param startBar         in which bar of the generated piece it starts, from 1
 * @param firstNote        index of the run's first note in the generated notes, (onset, pitch) order
 * @param figure           notes in the shortest figure the run repeats (its intervals' period + 1):
 *                         the run's length when it repeats nothing; a trill or an arpeggio played
 *                         over and over gives a long run of a short figure
 */
public record Originality(String name, int notes, int sequences, int sequencesFound, int longestRun, String source,
                          double sourceSeconds, int sourceBar, double startSeconds, double endSeconds, int startBar, int firstNote,
                          int figure) {

    /** Share of the 8-note interval sequences found in the corpus, 0..1 (NaN below 8 notes). */
    public double shareFound() {
        return sequences == 0 ? Double.NaN : sequencesFound / (double) sequences;
    }

    /** Whether every note of the piece is in the copied run (a copy of a training passage, maybe transposed). */
    public boolean wholePieceCopied() {
        return notes > 0 && longestRun == notes;
    }

    /** Whether the run is mostly one short figure repeated (it holds the figure twice or more). */
    public boolean repeatedFigure() {
        return longestRun > 0 && 2 * figure <= longestRun;
    }

    /** A copy with another name (the generated piece as the caller names it). */
    public Originality named(String newName) {
        return new Originality(newName, notes, sequences, sequencesFound, longestRun, source, sourceSeconds, sourceBar, startSeconds,
                endSeconds, startBar, firstNote, figure);
    }

    /**
     * The originality line in words: "longest copied run: 12 notes from mz_545_1, bar 6 (0:10.5)", with
     * ": the whole piece" or " (a 9-note figure repeated)" when so.
     */
    public String describe() {
        if (longestRun == 0) return "no run of " + OriginalityIndex.GRAM_NOTES + " notes or more copied from the training pieces";
        return "longest copied run: " + longestRun + " notes from " + source + ", bar " + sourceBar + " (" + clock(sourceSeconds) + ")"
                + (wholePieceCopied() ? ": the whole piece" : repeatedFigure() ? " (a " + figure + "-note figure repeated)" : "");
    }

    /** "1:05.2". */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds)) return "-";
        long tenths = Math.round(seconds * 10);
        return String.format(java.util.Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
