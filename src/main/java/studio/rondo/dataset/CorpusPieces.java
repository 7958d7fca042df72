package studio.rondo.dataset;

import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import studio.rondo.music.Piece;

/**
 * The pieces of one side of a corpus as a list the trainer can index and iterate: each piece is
 * loaded (or taken from the corpus cache) when asked for. The set of entries is fixed when the
 * list is made; later edits of the corpus do not change it.
 *
 * <p>{@link #get} throws {@link java.io.UncheckedIOException} for a file that became unreadable
 * since the scan; the message names the file and says why.
 */
public final class CorpusPieces extends AbstractList<Piece> implements RandomAccess {
    private final Corpus corpus;
    private final List<CorpusEntry> entries;

    CorpusPieces(Corpus corpus, List<CorpusEntry> entries) {
        this.corpus = corpus;
        this.entries = List.copyOf(entries);
    }

    /** The entries behind the pieces, in the same order. */
    public List<CorpusEntry> entries() {
        return entries;
    }

    @Override
    public Piece get(int index) {
        try {
            return corpus.load(entries.get(index));
        } catch (IOException e) {
            throw Corpus.unchecked(e);
        }
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** Notes in all these pieces, from the summaries (nothing is loaded). */
    public long totalNotes() {
        return entries.stream().mapToLong(e -> e.summary().notes()).sum();
    }
}
