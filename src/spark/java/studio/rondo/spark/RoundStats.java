package studio.rondo.spark;

import java.util.Locale;

/**
 * What the averaging rounds cost: bytes each way and time beyond the workers' own fitting. The first
 * round is counted apart: it starts the executors' engine (natives, the network) and has them read
 * the corpus, once.
 */
final class RoundStats {
    int rounds, minibatches;
    long stateBytes, taskBytes, returnedBytes, windowsByKey, windowsWithSteps;
    double firstSeconds, firstFitSeconds, corpusSeconds, seconds, fitSeconds;

    /**
     * @param state    weights, optimizer state and configuration broadcast
     * @param tasks    the round's tasks as serialized: which windows to fit (or their steps) and the task itself
     * @param returned the workers' weights and optimizer states
     */
    synchronized void add(long state, long tasks, long returned, double roundSeconds, double slowestFit, double slowestCorpusRead,
                          int minibatchCount, int byKey, int withSteps) {
        if (rounds++ == 0) {
            firstSeconds = roundSeconds;
            firstFitSeconds = slowestFit;
        } else {
            seconds += roundSeconds;
            fitSeconds += slowestFit;
        }
        corpusSeconds = Math.max(corpusSeconds, slowestCorpusRead);
        minibatches += minibatchCount;
        stateBytes += state;
        taskBytes += tasks;
        returnedBytes += returned;
        windowsByKey += byKey;
        windowsWithSteps += withSteps;
    }

    /** Seconds per round beyond the slowest worker's fitting, after the first round. */
    synchronized double overheadSeconds() {
        return rounds < 2 ? Double.NaN : (seconds - fitSeconds) / (rounds - 1);
    }

    /** Bytes of tasks (window keys or steps) per round. */
    synchronized double taskBytesPerRound() {
        return rounds == 0 ? 0 : taskBytes / (double) rounds;
    }

    /** "40 rounds of 8 minibatches; per round 11.47 MB out (...), 22.9 MB back; ...". */
    synchronized String describe() {
        if (rounds == 0) return "no averaging rounds";
        double mb = 1e6 * rounds;
        String first = String.format(Locale.ROOT, "first round %.2f s (fitting %.2f s, executors reading the corpus %.2f s)", firstSeconds, firstFitSeconds, corpusSeconds);
        String rest = rounds < 2 ? "" : String.format(Locale.ROOT, "; the others %.3f s a round, of which the slowest worker fitted %.3f s (overhead %.3f s)",
                seconds / (rounds - 1), fitSeconds / (rounds - 1), overheadSeconds());
        return String.format(Locale.ROOT, "%d rounds of %.1f minibatches; per round %.2f MB out (weights, optimizer state and configuration %.2f MB,"
                        + " tasks %.1f kB: %d windows by key, %d with their steps), %.2f MB back; %s%s",
                rounds, minibatches / (double) rounds, (stateBytes + taskBytes) / mb, stateBytes / mb, taskBytes / 1e3 / rounds,
                windowsByKey, windowsWithSteps, returnedBytes / mb, first, rest);
    }
}
