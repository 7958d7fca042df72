package studio.rondo.bench;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.model.Preset;

class GenerationBenchmarkTest {
    @Test
    void measuresEventsPerSecondPerPreset() {
        // three-stream: its corpus vocabularies are fitted on the benchmark's own piece.
        BenchRecord r = new GenerationBenchmark(List.of(Presets.TF_TUTORIAL, Presets.THREE_STREAM), 5).run(new BenchSettings(Path.of("."), 0, 1));
        assertEquals("generate", r.bench());
        Map<?, ?> perPreset = (Map<?, ?>) r.figures().get("gen_events_per_s");
        assertEquals(List.of("tf-tutorial", "three-stream"), List.copyOf(perPreset.keySet()));
        assertTrue(((Number) perPreset.get("tf-tutorial")).doubleValue() > 0);
        assertTrue(((Number) perPreset.get("three-stream")).doubleValue() > 0);
        assertTrue(r.summary().startsWith("gen_events_per_s"), r.summary());
    }
}
