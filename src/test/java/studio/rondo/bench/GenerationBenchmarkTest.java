package studio.rondo.bench;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.model.Preset;

class GenerationBenchmarkTest {
    @Test
    void recordsEventsPerSecondPerPresetForTheWorkItDid() {
        int events = 5, rounds = 3;
        long t0 = System.nanoTime();
        // three-stream: its corpus vocabularies are fitted on the benchmark's own piece.
        BenchRecord r = new GenerationBenchmark(List.of(Presets.TF_TUTORIAL, Presets.THREE_STREAM), events).run(new BenchSettings(Path.of("."), 0, rounds));
        double wallSeconds = (System.nanoTime() - t0) / 1e9;

        assertEquals("generate", r.bench());
        assertEquals(List.of("gen_events_per_s", "events", "primerNotes", "warmupRounds", "rounds", "threads"), List.copyOf(r.figures().keySet()));
        assertEquals(events, r.figures().get("events"));
        assertEquals(GenerationBenchmark.PRIMER_NOTES, r.figures().get("primerNotes"));
        assertEquals(0, r.figures().get("warmupRounds"));
        assertEquals(rounds, r.figures().get("rounds"));
        assertEquals(EngineRuntime.threads(), r.figures().get("threads"));

        Map<?, ?> perPreset = (Map<?, ?>) r.figures().get("gen_events_per_s");
        assertEquals(List.of("tf-tutorial", "three-stream"), List.copyOf(perPreset.keySet()));
        for (Object id : perPreset.keySet()) {
            long rate = (Long) perPreset.get(id); // whole events per second
            // Units: the best of `rounds` rounds of `events` steps, all inside this call, took at most
            // wall/rounds, so its rate is at least events x rounds / wall (events per millisecond would fail this).
            assertTrue(rate >= Math.floor(events * rounds / wallSeconds), id + ": " + rate + " events/s, " + events + " x " + rounds + " events in " + wallSeconds + " s");
        }
        // The line a person reads says the same figures.
        Matcher m = Pattern.compile("^gen_events_per_s \\(batch 1, step kernels, default sizes, one thread\\): tf-tutorial (\\d+), three-stream (\\d+)$").matcher(r.summary());
        assertTrue(m.matches(), r.summary());
        assertEquals(perPreset.get("tf-tutorial"), Long.parseLong(m.group(1)));
        assertEquals(perPreset.get("three-stream"), Long.parseLong(m.group(2)));
    }
}
