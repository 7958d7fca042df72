package studio.rondo.engine.store;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;

/**
 * Damaged model files, as the MIDI fuzz test does for MIDI: seeded mutations of a real model file
 * (bit flips, overwritten runs, truncation, a byte inserted) either load as a model whose weights are
 * intact (a flip in a zip header field nothing reads) or fail with a {@link ModelFileException} —
 * never another exception, never damaged weights that load silently.
 */
class ModelFileFuzzTest {
    private static final int MUTATIONS = 400;

    @Test
    void everyMutatedModelFileLoadsIntactOrFailsWithAModelFileException(@TempDir Path dir) throws Exception {
        EngineRuntime.start();
        Path model = dir.resolve("m.zip");
        TrainingConfig c = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 1).withHyperparameters(TestCorpus.tiny(Presets.PITCH_STEP_DURATION))
                .withSplit(0.2, 1).withPatience(0).withMaxBatches(2).withFiles(model, null, null);
        new Trainer(c, null).train(TestCorpus.pieces(4, 60, 2));
        byte[] good = Files.readAllBytes(model);
        float[] weights = ModelStore.load(model).network().params().toFloatVector();
        SplittableRandom r = new SplittableRandom(20261129);
        int loaded = 0, refused = 0;
        Path bad = dir.resolve("bad.zip");
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] b = mutate(good, r);
            Files.write(bad, b);
            try {
                float[] w = ModelStore.load(bad).network().params().toFloatVector();
                if (!Arrays.equals(weights, w)) fail("mutation " + i + " loaded with damaged weights");
                loaded++;
            } catch (ModelFileException e) {
                assertTrue(e.getMessage().contains(bad.toString()), "the message names the file: " + e.getMessage());
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("mutation " + i + " threw " + t, t);
            }
        }
        assertTrue(refused > MUTATIONS / 2, loaded + " loaded, " + refused + " refused");
    }

    private static byte[] mutate(byte[] good, SplittableRandom r) {
        byte[] b = good.clone();
        switch (r.nextInt(4)) {
            case 0 -> { // a few bit flips
                for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 1 -> { // a run overwritten with noise
                int at = r.nextInt(b.length), n = Math.min(b.length - at, 1 + r.nextInt(64));
                for (int k = 0; k < n; k++) b[at + k] = (byte) r.nextInt(256);
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncated
            default -> { // one byte inserted
                int at = r.nextInt(b.length);
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            }
        }
        return b;
    }
}
