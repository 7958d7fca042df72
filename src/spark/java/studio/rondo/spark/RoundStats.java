package studio.rondo.spark;

import java.util.Locale;

/** What the averaging rounds cost: bytes each way and time beyond the workers' own fitting. */
final class RoundStats {
    int rounds, minibatches;
    long stateBytes, windowBytes, returnedBytes;
    double seconds, fitSeconds;

    synchronized void add(long state, long windows, long returned, double roundSeconds, double slowestFit, int minibatchCount) {
        rounds++;
        minibatches += minibatchCount;
        stateBytes += state;
        windowBytes += windows;
        returnedBytes += returned;
        seconds += roundSeconds;
        fitSeconds += slowestFit;
    }

    /** "40 rounds of 8 minibatches; per round 3.1 MB out (weights and optimizer state 3.0, windows 0.1), 6.0 MB back; 0.81 s, of which 0.22 s beyond the slowest worker's fitting". */
    synchronized String describe() {
        if (rounds == 0) return "no averaging rounds";
        double mb = 1e6 * rounds;
        return String.format(Locale.ROOT, "%d rounds of %.1f minibatches; per round %.2f MB out (weights and optimizer state %.2f MB, windows %.3f MB),"
                        + " %.2f MB back; %.3f s a round, of which %.3f s beyond the slowest worker's fitting",
                rounds, minibatches / (double) rounds, (stateBytes + windowBytes) / mb, stateBytes / mb, windowBytes / mb, returnedBytes / mb,
                seconds / rounds, (seconds - fitSeconds) / rounds);
    }
}
