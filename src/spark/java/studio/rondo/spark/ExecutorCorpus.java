package studio.rondo.spark;

import studio.rondo.engine.train.Augmentation;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.music.Piece;

/**
 * The training corpus as an executor holds it: every training file read from where the driver found
 * it, encoded in every key the augmentation draws from (as the trainer encodes them), by content key.
 * Read once per executor JVM and run, then shared by its task threads.
 */
final class ExecutorCorpus {
    private static String key; // the share id and the encoding the cached pieces were built for
    private static Map<Long, EncodedPiece> pieces;

    private ExecutorCorpus() {
    }

    static synchronized Map<Long, EncodedPiece> of(CorpusShare share, String encodingSpec, Encoding encoding) {
        String k = share.id() + "\n" + encodingSpec;
        if (k.equals(key)) return pieces;
        pieces = null; // a new run: let the last one's go before reading
        key = null;
        Map<Long, EncodedPiece> out = new HashMap<>();
        for (String file : share.files()) {
            Piece piece;
            try {
                piece = HadoopCorpus.piece(file, share.hadoop().value());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(UNREADABLE + file + " on " + host() + ": " + e.getMessage()
                        + " (the corpus must be where every node of the cluster can read it: a shared folder, hdfs:// or s3a://)", e);
            }
            for (EncodedPiece p : keys(piece, encoding, share.transposeRange())) out.put(PieceKey.of(p), p);
        }
        pieces = out;
        key = k;
        return out;
    }

    /** The piece in every key the trainer's augmentation can draw (its original key first). */
    static java.util.List<EncodedPiece> keys(Piece piece, Encoding encoding, int range) {
        return Augmentation.encodedKeys(piece, encoding.encode(piece), encoding, range);
    }

    /** The start of an executor's message that the driver passes on to the user as it is. */
    static final String UNREADABLE = "an executor cannot read ";

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an executor";
        }
    }
}
