package studio.rondo.spark;

import java.util.Locale;

/**
 * What the averaging rounds cost: bytes each way and time beyond the workers' own fitting. The first
 * round is counted apart: it starts the executors' engine (natives, the network) once.
 */
final class RoundStats {
    int rounds, minibatches;
    long stateBytes, windowBytes, returnedBytes;
    double firstSeconds, firstFitSeconds, seconds, fitSeconds;

    synchronized void add(long state, long windows, long returned, double roundSeconds, double slowestFit, int minibatchCount) {
        if (rounds++ == 0) {
            firstSeconds = roundSeconds;
            firstFitSeconds = slowestFit;
        } else {
            seconds += roundSeconds;
            fitSeconds += slowestFit;
        }
        minibatches += minibatchCount;
        stateBytes += state;
        windowBytes += windows;
        returnedBytes += returned;
    }

    /** Seconds per round beyond the slowest worker's fitting, after the first round. */
    synchronized double overheadSeconds() {
        return rounds < 2 ? Double.NaN : (seconds - fitSeconds) / (rounds - 1);
    }

    /** "40 rounds of 8 minibatches; per round 3.1 MB out (...), 6.0 MB back; after the first: 0.81 s a round, 0.22 s beyond ...". */
    synchronized String describe() {
        if (rounds == 0) return "no averaging rounds";
        double mb = 1e6 * rounds;
        String first = String.format(Locale.ROOT, "first round %.2f s (fitting %.2f s)", firstSeconds, firstFitSeconds);
        String rest = rounds < 2 ? "" : String.format(Locale.ROOT, "; the others %.3f s a round, of which the slowest worker fitted %.3f s (overhead %.3f s)",
                seconds / (rounds - 1), fitSeconds / (rounds - 1), overheadSeconds());
        return String.format(Locale.ROOT, "%d rounds of %.1f minibatches; per round %.2f MB out (weights and optimizer state %.2f MB, windows %.3f MB),"
                        + " %.2f MB back; %s%s",
                rounds, minibatches / (double) rounds, (stateBytes + windowBytes) / mb, stateBytes / mb, windowBytes / mb, returnedBytes / mb, first, rest);
    }
}
