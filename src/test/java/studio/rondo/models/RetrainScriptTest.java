package studio.rondo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.generate.GenerationRequest;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.generate.Generator;
import studio.rondo.engine.generate.Length;
import studio.rondo.engine.generate.Primer;
import studio.rondo.engine.generate.Sampling;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelStore;

/**
 * assets/models/retrain.sh end to end, tiny: both models, 3 training pieces, 1 epoch, LSTM 1x16,
 * 5 minibatches, evaluated on the real held-out list. The studio runs from the test class path
 * (surefire runs before the jar exists). Skipped without bash or the shared data.
 */
class RetrainScriptTest {
    @TempDir
    Path dir;

    // ~40 s on a quiet 2-core machine, over 5 minutes on one loaded 10-fold: the limits only catch a hang.
    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void retrainsBothModelsIntoLeanFilesThatGenerate() throws Exception {
        Path script = Path.of("assets", "models", "retrain.sh").toAbsolutePath();
        assumeTrue(Files.isRegularFile(script), "no " + script);
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().contains("win"), "retrain.sh needs bash: skipped on Windows");
        assumeTrue(onPath("bash"), "bash is not on the PATH: retrain.sh test skipped");
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set: retrain.sh test skipped");
        Path data = Path.of(shared, "data", "midi", "piano-midi-de");
        assumeTrue(Files.isDirectory(data), "no piano-midi.de data at " + data + ": retrain.sh test skipped");

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String rondo = String.join(" ", javaBin, "--add-modules", "jdk.incubator.vector",
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "studio.rondo.Main");
        Path out = dir.resolve("out"), work = dir.resolve("work");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().putAll(java.util.Map.of("RONDO", rondo, "DATA", data.toString(), "OUT", out.toString(), "WORK", work.toString(),
                "PIECES", "3", "EPOCHS", "1", "HIDDEN", "16", "LAYERS", "1", "RONDO_TRAIN_NEW_FLAGS", "0",
                "EXTRA_TRAIN_ARGS", "--max-batches 5"));
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "retrain.sh took more than 15 minutes");
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("retrain: 3 training pieces, 23 held out"), log);

        EngineRuntime.start();
        for (String[] m : List.of(new String[] {"rondo-piano.zip", "pitch-step-duration"}, new String[] {"rondo-expressive.zip", "velocity-aware"})) {
            Path lean = out.resolve(m[0]);
            assertFalse(ModelStore.hasOptimizerState(lean), m[0] + " is lean");
            LoadedModel model = ModelStore.load(lean);
            assertEquals(m[1], model.info().preset());
            assertEquals(16, model.info().hyperparameters().hidden());
            List<GenerationResult> r = Generator.of(model).generate(
                    new GenerationRequest(Primer.none(), Length.notes(20), new Sampling(1.0, 0, 1.0, 7), 1, false));
            assertEquals(20, r.get(0).stats().notes());
            String figures = Files.readString(work.resolve("figures.txt"));
            assertTrue(figures.contains("held out (23 pieces): ") && figures.matches("(?s).*pitch top-1 \\d+\\.\\d\\d %.*"), figures);
        }
        assertTrue(Files.isRegularFile(work.resolve("piano-full.zip")) && ModelStore.hasOptimizerState(work.resolve("piano-full.zip")));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
