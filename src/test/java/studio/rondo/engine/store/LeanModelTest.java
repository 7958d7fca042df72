package studio.rondo.engine.store;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.music.Piece;

/** Lean model files (ModelStore.writeLean): no optimizer state, same outputs, training them starts a fresh optimizer. */
class LeanModelTest {
    static final List<Piece> CORPUS = TestCorpus.pieces(4, 40, 3);
    static Path dir;
    static Path full;

    @BeforeAll
    static void train(@TempDir Path tmp) throws Exception {
        EngineRuntime.start();
        dir = tmp;
        full = dir.resolve("full.zip");
        TrainingConfig c = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 1).withHyperparameters(TestCorpus.tiny(Presets.PITCH_STEP_DURATION))
                .withSplit(0.25, 1).withMaxBatches(3).withFiles(full, null, null);
        new Trainer(c, null).train(CORPUS);
    }

    @Test
    void leavesOutTheOptimizerStateAndKeepsEverythingElse() throws Exception {
        Path lean = dir.resolve("lean.zip");
        long dropped = ModelStore.writeLean(full, lean);
        // Adam's state: two floats (first and second moments) per parameter, in bytes, plus the array's header
        long adamBytes = 2L * Float.BYTES * ModelStore.load(full).network().numParams();
        assertTrue(dropped >= adamBytes && dropped < adamBytes + 4096, dropped + " bytes dropped, Adam's moments take " + adamBytes);
        assertTrue(ModelStore.hasOptimizerState(full));
        assertFalse(ModelStore.hasOptimizerState(lean));
        assertTrue(Files.size(lean) < Files.size(full) * 0.75, Files.size(lean) + " vs " + Files.size(full));
        try (ZipFile z = new ZipFile(lean.toFile())) {
            assertTrue(z.getEntry(ModelStore.INFO) != null && z.getEntry(ModelStore.CONFIGURATION) != null && z.getEntry(ModelStore.COEFFICIENTS) != null);
        }

        LoadedModel a = ModelStore.load(full), b = ModelStore.load(lean);
        assertEquals(a.info().history(), b.info().history());
        assertArrayEquals(a.network().params().toFloatVector(), b.network().params().toFloatVector());
        EncodedPiece p = b.encoding().encode(CORPUS.get(0));
        INDArray x = new WindowBatches(b.encoding()).inputsOnly(Window.over(p, 8, 3)).getFeatures(0);
        INDArray[] ya = a.network().output(x), yb = b.network().output(x);
        for (int h = 0; h < ya.length; h++) assertArrayEquals(ya[h].dup().data().asFloat(), yb[h].dup().data().asFloat(), 0f, "head " + h);
        // No optimizer state: a fresh optimizer, Adam's step count included.
        assertEquals(0, b.network().getConfiguration().getIterationCount());
        long trained = a.info().progress().iterations();
        assertTrue(trained >= 1 && trained <= 3, "at most the three minibatches asked for: " + trained);
        assertEquals(trained, a.network().getConfiguration().getIterationCount(), "the full copy keeps Adam's step count");
        assertEquals(0.0, b.network().getUpdater().getStateViewArray().sumNumber().doubleValue());
    }

    @Test
    void aLeanCopyOfAFileWithoutAWeightsChecksumGainsOneThatMatchesItsWeights() throws Exception {
        // A file as written before checksums: rondo.json without weightsSha256.
        Path old = dir.resolve("old.zip"), lean = dir.resolve("old-lean.zip");
        try (ZipFile z = new ZipFile(full.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(old))) {
            for (var e = z.entries(); e.hasMoreElements(); ) {
                var entry = e.nextElement();
                byte[] bytes = z.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ModelStore.INFO)) {
                    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelStore.json().readTree(bytes);
                    tree.remove(ModelStore.WEIGHTS_CHECKSUM);
                    bytes = ModelStore.json().writeValueAsBytes(tree);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        ModelStore.writeLean(old, lean);
        try (ZipFile z = new ZipFile(lean.toFile())) {
            var tree = ModelStore.json().readTree(z.getInputStream(z.getEntry(ModelStore.INFO)).readAllBytes());
            assertTrue(tree.path(ModelStore.WEIGHTS_CHECKSUM).isTextual(), tree.toString());
        }
        ModelStore.load(lean); // the checksum matches its weights
    }

    @Test
    void aLeanModelCanBeTrainedFurther() throws Exception {
        Path lean = dir.resolve("lean-resume.zip");
        ModelStore.writeLean(full, lean);
        Path more = dir.resolve("more.zip");
        TrainingConfig c = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 2).withMaxBatches(3).withFiles(more, null, lean);
        TrainingResult r = new Trainer(c, null).train(CORPUS);
        assertEquals(2, r.info().history().size());
        assertTrue(ModelStore.hasOptimizerState(more), "training writes the optimizer state again");
    }

    @Test
    void refusesWhatIsNotAModel() throws Exception {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThrows(ModelFileException.class, () -> ModelStore.writeLean(junk, dir.resolve("x.zip")));
        assertThrows(ModelFileException.class, () -> ModelStore.writeLean(dir.resolve("missing.zip"), dir.resolve("y.zip")));
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }
}
