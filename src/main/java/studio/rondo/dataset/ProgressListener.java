package studio.rondo.dataset;

/**
 * Progress of long work, called from the worker thread. A UI coalesces these calls itself (they
 * can come thousands of times a second); implementations must be quick and must not block.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, current) -> { };

    /**
     * @param done    units finished (files scanned, bytes downloaded)
     * @param total   units in all, or -1 when not known
     * @param current what is being worked on (a file path, a corpus title), never null
     */
    void progress(long done, long total, String current);
}
