package studio.rondo.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The deterministic default split: every piece gets a number in [0, 1) from a hash of the seed
 * and its folder/file name (not the absolute path, so the same corpus splits the same way on
 * another machine or after a move). {@link Corpus#resplit} puts the lowest-ranked fraction of the
 * pieces into validation (an exact count); a piece added later goes to validation when its number
 * is below the fraction, which keeps the proportion without moving any existing piece.
 */
record SplitRule(double validationFraction, long seed) {
    SplitRule {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 1), was " + validationFraction);
        }
    }

    double rank(Path file) {
        String key = seed + ":" + PieceSummary.folderName(file) + "/" + file.getFileName();
        byte[] h = Fingerprint.digest().digest(key.getBytes(StandardCharsets.UTF_8));
        return (ByteBuffer.wrap(h).getLong() >>> 11) * 0x1.0p-53; // 53 bits → a double in [0, 1)
    }

    Split forNewPiece(Path file) {
        return rank(file) < validationFraction ? Split.VALIDATION : Split.TRAIN;
    }

    /** How many of n pieces go to validation: the fraction rounded, but one at least and n-1 at most when n >= 2. */
    int validationCount(int n) {
        if (n < 2 || validationFraction == 0) return 0;
        int k = (int) Math.round(n * validationFraction);
        return Math.max(1, Math.min(n - 1, k));
    }
}
