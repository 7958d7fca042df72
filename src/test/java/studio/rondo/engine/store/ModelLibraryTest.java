package studio.rondo.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;

class ModelLibraryTest {
    @TempDir
    static Path shared;
    private static Path model;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        model = shared.resolve("tiny.zip");
        TrainingConfig c = TrainingConfig.of(Presets.TF_TUTORIAL, 2).withHyperparameters(TestCorpus.tiny(Presets.TF_TUTORIAL))
                .withSplit(0.25, 1).withPatience(0).withMaxBatches(3).withFiles(model, null, null);
        new Trainer(c, null).train(TestCorpus.pieces(4, 60, 2));
    }

    private static Path copyInto(Path dir, String name) throws Exception {
        return Files.copy(model, Files.createDirectories(dir).resolve(name));
    }

    @Test
    void listsModelsWithWhatTheirFilesTellAndUnreadableOnesWithTheirProblem(@TempDir Path dir) throws Exception {
        copyInto(dir, "a.zip");
        Files.writeString(dir.resolve("broken.zip"), "not a zip");
        Files.copy(model, dir.resolve("stopped.checkpoint.zip"));
        Files.copy(model, dir.resolve("a.checkpoint.zip")); // belongs to a.zip
        List<ModelLibrary.Entry> entries = new ModelLibrary(dir).list();
        assertEquals(3, entries.size(), entries.toString());
        ModelLibrary.Entry a = entries.stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow();
        assertEquals("tf-tutorial", a.info().preset());
        assertEquals(2, a.epochs());
        assertTrue(a.best().isPresent(), "the run had validation pieces");
        assertEquals("LSTM 1x16", a.sizes());
        assertEquals(Files.size(model), a.bytes());
        ModelLibrary.Entry broken = entries.stream().filter(e -> e.name().equals("broken")).findFirst().orElseThrow();
        assertFalse(broken.readable());
        assertTrue(broken.problem() != null && !broken.problem().isBlank());
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("stopped") && e.stopped()));
    }

    @Test
    void renameMovesTheCheckpointTooAndNeverReplaces(@TempDir Path dir) throws Exception {
        Path a = copyInto(dir, "a.zip");
        Files.copy(model, dir.resolve("a.checkpoint.zip"));
        copyInto(dir, "taken.zip");
        ModelLibrary lib = new ModelLibrary(dir);
        assertThrows(FileAlreadyExistsException.class, () -> lib.rename(a, "taken"));
        assertThrows(IllegalArgumentException.class, () -> lib.rename(a, "../escape"));
        Path b = lib.rename(a, "Mozart sketch");
        assertEquals(dir.resolve("Mozart sketch.zip"), b);
        assertTrue(Files.exists(dir.resolve("Mozart sketch.checkpoint.zip")));
        assertFalse(Files.exists(a));
    }

    @Test
    void duplicateDeleteImportAndExport(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        Path a = copyInto(dir, "a.zip");
        ModelLibrary lib = new ModelLibrary(dir);
        Path copy = lib.duplicate(a);
        assertEquals("a copy.zip", copy.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(copy));
        assertEquals("a copy 2.zip", lib.duplicate(a).getFileName().toString());

        Files.copy(model, dir.resolve("a.checkpoint.zip"));
        lib.delete(a);
        assertFalse(Files.exists(a));
        assertFalse(Files.exists(dir.resolve("a.checkpoint.zip")), "the checkpoint goes with its model");

        Path outside = Files.copy(model, elsewhere.resolve("friend.zip"));
        Path imported = lib.importModel(outside);
        assertEquals(dir.resolve("friend.zip"), imported);
        Path notAModel = Files.writeString(elsewhere.resolve("song.zip"), "zip? no");
        assertThrows(ModelFileException.class, () -> lib.importModel(notAModel));
        assertFalse(Files.exists(dir.resolve("song.zip")), "nothing is copied when the file is not a model");

        Path lean = elsewhere.resolve("share.zip");
        lib.export(imported, lean);
        assertFalse(ModelStore.hasOptimizerState(lean));
        assertThrows(FileAlreadyExistsException.class, () -> lib.export(imported, lean));
        assertNull(ModelLibrary.entry(lean).problem());
    }
}
