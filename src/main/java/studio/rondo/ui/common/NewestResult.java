package studio.rondo.ui.common;

/**
 * Numbers background jobs that show the same thing (a folder listing, say) so that a job finishing late
 * cannot replace what a newer one already showed. Used from one thread (the UI's).
 */
public final class NewestResult {
    private long started, shown;

    /** A number for a job about to start. */
    public long start() {
        return ++started;
    }

    /** Whether the result of job {@code ticket} may be shown: no newer job's result has been. Marks it shown. */
    public boolean show(long ticket) {
        if (ticket < shown) return false;
        shown = ticket;
        return true;
    }
}
