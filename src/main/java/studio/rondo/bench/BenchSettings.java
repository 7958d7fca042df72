package studio.rondo.bench;

import java.nio.file.Path;

/**
 * @param dataDir      folder of MIDI files the benchmarks read
 * @param warmupRounds rounds run first and not counted (JIT warm-up)
 * @param rounds       measured rounds; best and median are reported
 */
public record BenchSettings(Path dataDir, int warmupRounds, int rounds) {
    public BenchSettings {
        if (warmupRounds < 0) throw new IllegalArgumentException("warm-up rounds must be 0 or more: " + warmupRounds);
        if (rounds < 1) throw new IllegalArgumentException("rounds must be 1 or more: " + rounds);
    }
}
