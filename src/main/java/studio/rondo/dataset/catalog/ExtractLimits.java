package studio.rondo.dataset.catalog;

/**
 * Bounds that protect the disk from a hostile or broken archive (a "zip bomb"). Sizes are counted
 * on the bytes actually written, not taken from the archive's headers, which can lie.
 *
 * @param maxDownloadBytes the archive itself
 * @param maxEntries       entries listed in the archive
 * @param maxFileBytes     one unpacked file
 * @param maxTotalBytes    all unpacked files together
 */
public record ExtractLimits(long maxDownloadBytes, int maxEntries, long maxFileBytes, long maxTotalBytes) {
    /** Generous for MIDI corpora (MAESTRO's MIDI: 58 MB, 1,300 files, ~90 MB unpacked). */
    public static final ExtractLimits DEFAULT = new ExtractLimits(2L << 30, 100_000, 64L << 20, 4L << 30);
}
