package studio.rondo.bench;

import java.util.Arrays;

/** Wall times of measured rounds, in nanoseconds. */
public record Timings(long[] nanos) {
    public Timings {
        if (nanos.length == 0) throw new IllegalArgumentException("no rounds measured");
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    public double bestSeconds() {
        return nanos[0] / 1e9;
    }

    /** Median; for an even count, the mean of the two middle rounds. */
    public double medianSeconds() {
        int n = nanos.length;
        return (n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0) / 1e9;
    }

    /** The spread of the middle half: third quartile minus first (nearest rank). */
    public double interquartileSeconds() {
        int n = nanos.length;
        return (nanos[Math.min(n - 1, (3 * n) / 4)] - nanos[n / 4]) / 1e9;
    }
}
