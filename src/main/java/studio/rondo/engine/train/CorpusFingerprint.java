package studio.rondo.engine.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * A short hash identifying a training corpus: piece names, note counts and every note (pitch,
 * velocity, channel, ticks), independent of the order pieces were read in. Tells "continue training
 * on the same data" apart from "continue on new data".
 */
public final class CorpusFingerprint {
    private CorpusFingerprint() {
    }

    public static String of(List<Piece> pieces) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparing(Piece::name).thenComparingInt(p -> p.notes().size()));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(32);
        for (Piece p : sorted) {
            sha.update(p.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            buf.clear();
            buf.putInt(p.notes().size());
            sha.update(buf.array(), 0, buf.position());
            for (Note n : p.notes()) {
                buf.clear();
                buf.putInt(n.pitch()).putInt(n.velocity()).putInt(n.channel()).putLong(n.startTick()).putLong(n.endTick());
                sha.update(buf.array(), 0, buf.position());
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
