package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.bench.PeakMemory;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.RecipeParameters;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

class TrainBenchAndPresetsTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static final List<String> TRAIN_FIGURES = List.of("bench", "preset", "hidden", "layers", "seq_len", "batch",
            "train_windows_per_s", "gen_events_per_s", "minibatch_ms_median", "minibatch_ms_iqr", "lstm", "gflop_per_window_nominal",
            "gflop_per_window_executed", "gflops_nominal", "gflops_executed", "peak_gflops", "peak_fraction_executed", "peak_rss_mb",
            "rss_mb", "parameters", "batches_measured", "windows_measured", "warmup_batches", "seconds", "threads", "pieces", "data");

    /** Runs `bench --only NAME --json` on four small pieces and checks what every training record must hold. */
    private JsonNode trainBench(Path dir, String name, int warmup, int rounds) throws Exception {
        Path mozart = Files.createDirectories(dir.resolve("mozart"));
        for (Piece p : TestCorpus.pieces(4, 300, 9)) MidiWriter.write(p, mozart.resolve(p.name() + ".mid"));
        double peakBefore = PeakMemory.peakRssMb();
        long t0 = System.nanoTime();
        int code = run("bench", "--only", name, "--data", dir.toString(), "--warmup", "" + warmup, "--rounds", "" + rounds, "--json");
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        double peakAfter = PeakMemory.peakRssMb();
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(1, arr.size());
        JsonNode r = arr.get(0);

        // Shape: the figures in their order, whole numbers where they count things.
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(TRAIN_FIGURES, keys);
        for (String count : List.of("hidden", "layers", "seq_len", "batch", "gen_events_per_s", "parameters", "batches_measured",
                "warmup_batches", "threads", "pieces"))
            assertTrue(r.get(count).isIntegralNumber(), count + " is a count: " + r);
        assertEquals("train", r.get("bench").asText());
        assertEquals(mozart.toString(), r.get("data").asText(), "the mozart subfolder of --data");
        assertEquals(4, r.get("pieces").asInt(), "the four files written");
        assertEquals(EngineRuntime.threads(), r.get("threads").asInt());

        // The work claimed: `rounds` minibatches of `batch` windows, timed in seconds.
        assertEquals(rounds, r.get("batches_measured").asInt(), "rounds measured (the 30 s cap is far away)");
        double seconds = r.get("seconds").asDouble(), rate = r.get("train_windows_per_s").asDouble();
        // Windows counted as they were fitted: full minibatches, or fewer at an epoch's end on a small corpus.
        long windows = r.get("windows_measured").asLong(), full = r.get("batches_measured").asLong() * r.get("batch").asLong();
        assertTrue(windows >= r.get("batches_measured").asLong() && windows <= full, "between one window a minibatch and full ones: " + r);
        assertTrue(seconds > 0 && seconds <= wallSeconds, "measured seconds inside the command's " + wallSeconds + " s: " + r);
        // windows/s x s = windows, up to the rounding of both figures (0.1 window/s, 0.01 s)
        assertEquals(windows, rate * seconds, 0.05 * seconds + 0.005 * rate + 1e-6, r.toString());
        // The FLOP figures: GFLOP/s = GFLOP a window x windows/s, executed never above nominal, a share of the peak.
        double executed = r.get("gflop_per_window_executed").asDouble(), nominal = r.get("gflop_per_window_nominal").asDouble();
        assertTrue(executed > 0 && executed <= nominal, r.toString());
        assertEquals(executed * rate, r.get("gflops_executed").asDouble(), 0.05 + 0.001 * executed * rate + 0.0005 * rate, r.toString());
        assertEquals(r.get("gflops_executed").asDouble() / r.get("peak_gflops").asDouble(), r.get("peak_fraction_executed").asDouble(), 0.002, r.toString());
        // Minibatch times: the median of the measured ones lies within the stretch measured.
        assertTrue(r.get("minibatch_ms_median").asDouble() > 0 && r.get("minibatch_ms_median").asDouble() <= seconds * 1000, r.toString());
        // Generation after training: 2 rounds of 200 events inside the command, so at least 400 / wall events per second.
        assertTrue(r.get("gen_events_per_s").asLong() >= Math.floor(400 / wallSeconds), r.toString());

        // Memory in MB: the process's peak resident size, read before and after the command, brackets it.
        double peak = r.get("peak_rss_mb").asDouble();
        // Linux keeps RSS counts per thread and folds them in now and then: VmHWM read twice may differ by a
        // few hundred kB either way (seen: 508.6, then 508.4), hence 2 MB of slack, far below any real change.
        assertTrue(peak >= peakBefore - 2 && peak <= peakAfter + 2, peakBefore + " <= " + peak + " <= " + peakAfter + " MB");
        assertTrue(r.get("rss_mb").asDouble() <= peak + 0.05, r.toString());
        return r;
    }

    @Test
    void benchRecordsTheReferenceTrainingSpeedAndPeakMemory(@TempDir Path dir) throws Exception {
        JsonNode r = trainBench(dir, "train-reference", 0, 2);
        // The reference configuration of ../shared/bench/pytorch-reference: pitch-step-duration, LSTM 1x128, seq 50, batch 64;
        // the network trained has the parameters of that size.
        assertEquals("pitch-step-duration", r.get("preset").asText());
        assertEquals(List.of(1, 128, 50, 64), List.of(r.get("layers").asInt(), r.get("hidden").asInt(), r.get("seq_len").asInt(), r.get("batch").asInt()));
        assertEquals(RecipeParameters.of(Presets.PITCH_STEP_DURATION, Presets.PITCH_STEP_DURATION.seedRecipe().toBuilder()
                .hidden(128).layers(1).build(), List.of()), r.get("parameters").asLong());
        assertEquals(0, r.get("warmup_batches").asInt(), "--warmup 0: none");
    }

    @Test
    void benchTrainsAPresetWithItsOwnRecipeEveryStepTargetsIncluded(@TempDir Path dir) throws Exception {
        JsonNode r = trainBench(dir, "train-tf-tutorial", 1, 2);
        Hyperparameters recipe = Presets.TF_TUTORIAL.defaults();
        assertEquals("tf-tutorial", r.get("preset").asText());
        assertEquals(List.of(recipe.layers(), recipe.hidden(), recipe.seqLen(), recipe.batch()),
                List.of(r.get("layers").asInt(), r.get("hidden").asInt(), r.get("seq_len").asInt(), r.get("batch").asInt()));
        assertEquals(RecipeParameters.of(Presets.TF_TUTORIAL, recipe, List.of()), r.get("parameters").asLong());
        assertTrue(r.get("warmup_batches").asInt() >= 1, "a warm-up was asked for: " + r);
    }

    @Test
    void presetsShowTheParameterCountsTheirRecipesAddUpTo() throws Exception {
        assertEquals(ExitCodes.OK, run("presets", "--json"));
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(Presets.all().stream().map(Preset::id).toList(), ids(arr));
        for (JsonNode p : arr) {
            Preset preset = Presets.byId(p.get("preset").asText()).orElseThrow();
            // Corpus vocabularies at the sizes the note names: three-stream 300 notes/chords, 30 offsets,
            // 30 durations; chord-tokens 300 tokens on its fixed grid (1/12 quarter up to 8 quarters: 97 offsets, 96 durations).
            List<Integer> sizes = switch (preset.id()) {
                case "three-stream" -> List.of(300, 30, 30);
                case "chord-tokens" -> List.of(300, 8 * 12 + 1, 8 * 12);
                default -> List.of();
            };
            assertEquals(RecipeParameters.of(preset, preset.defaults(), sizes), p.get("parameters").asLong(), p.toString());
            assertEquals(!sizes.isEmpty(), p.has("parametersNote"), p.toString());
            if (!sizes.isEmpty()) assertTrue(p.get("parametersNote").asText().startsWith("depends on the corpus; shown for 300 "), p.toString());
        }
        // and the figure the design table gives for pitch-step-duration: 130 -> LSTM 256 x2 -> heads 128 + 1 + 1
        assertEquals(4L * 256 * (130 + 256 + 1) + 4L * 256 * (256 + 256 + 1) + 256L * 128 + 128 + 2 * 257, arr.get(1).get("parameters").asLong());
    }

    private static List<String> ids(JsonNode arr) {
        List<String> ids = new ArrayList<>();
        arr.forEach(p -> ids.add(p.get("preset").asText()));
        return ids;
    }
}
