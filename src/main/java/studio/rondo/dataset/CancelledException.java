package studio.rondo.dataset;

/** Long work stopped because its {@link CancellationToken} was cancelled; not an error to report. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
