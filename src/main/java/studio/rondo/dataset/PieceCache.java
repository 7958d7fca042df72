package studio.rondo.dataset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import studio.rondo.music.Piece;

/**
 * Loaded pieces, least recently used first out, bounded by their total number of notes (a note
 * costs about 70 bytes on the heap). The default budget of one million notes (~70 MB) holds the
 * whole piano-midi.de collection (~270 pieces), while a corpus like MAESTRO (~7 million notes)
 * streams from disk instead of filling the heap.
 */
final class PieceCache {
    static final long DEFAULT_NOTE_BUDGET = 1_000_000;

    private record Cached(String sha256, Piece piece) {
    }

    private final long noteBudget;
    private long notes;
    private final LinkedHashMap<Path, Cached> map = new LinkedHashMap<>(16, 0.75f, true);

    PieceCache(long noteBudget) {
        this.noteBudget = noteBudget;
    }

    synchronized Piece get(Path file, String sha256) {
        Cached c = map.get(file);
        return c != null && c.sha256().equals(sha256) ? c.piece() : null;
    }

    synchronized void put(Path file, String sha256, Piece piece) {
        int n = piece.notes().size();
        if (n > noteBudget) return;
        remove(file);
        map.put(file, new Cached(sha256, piece));
        notes += n;
        var it = map.entrySet().iterator();
        while (notes > noteBudget && it.hasNext()) {
            Map.Entry<Path, Cached> eldest = it.next();
            notes -= eldest.getValue().piece().notes().size();
            it.remove();
        }
    }

    synchronized void remove(Path file) {
        Cached c = map.remove(file);
        if (c != null) notes -= c.piece().notes().size();
    }

    synchronized long notes() {
        return notes;
    }
}
