package studio.rondo.spark;

import studio.rondo.engine.encoding.EncodedPiece;

/**
 * A 64-bit key of an encoded piece's content (its streams' columns): the same on the driver and on
 * every executor for the same file, encoding and transposition, so a round can name a window by its
 * piece's key and start instead of sending its steps. Never 0 (0 marks a window sent with its steps).
 */
final class PieceKey {
    private PieceKey() {
    }

    static long of(EncodedPiece p) {
        long h = 0xcbf29ce484222325L; // multiply-rotate over the ints, then a final avalanche
        int streams = p.streams().size();
        h = mix(h, streams);
        h = mix(h, p.length());
        for (int s = 0; s < streams; s++) {
            if (p.streams().get(s).categorical()) for (int c : p.classColumn(s)) h = mix(h, c);
            else for (float v : p.valueColumn(s)) h = mix(h, Float.floatToIntBits(v));
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, int x) {
        return Long.rotateLeft((h ^ (x & 0xffffffffL)) * 0x9E3779B97F4A7C15L, 27);
    }
}
