package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

class TrainEvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path midi;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeAll
    static void writeCorpus() throws Exception {
        midi = Files.createDirectories(dir.resolve("midi"));
        for (Piece p : TestCorpus.pieces(5, 60, 4)) MidiWriter.write(p, midi.resolve(p.name() + ".mid"));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static final String[] TINY = {"--hidden", "8", "--layers", "1", "--seq-len", "8", "--batch", "16", "--val-split", "0.2"};

    private String[] train(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--data", midi.toString(), "--preset", "pitch-step-duration"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void trainsOnATinyCorpusAndWritesAModelThatEvaluatePrintsMetricsFor() throws Exception {
        Path model = dir.resolve("psd.zip");
        assertEquals(ExitCodes.OK, run(train("--epochs", "2", "--out", model.toString(), "--json")), err.toString());
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        assertEquals(List.of("start", "epoch", "epoch", "summary"), lines.stream().map(n -> n.get("event").asText()).toList());
        assertEquals(4, lines.get(0).get("trainPieces").asInt());
        assertTrue(lines.get(2).get("valTop5").asDouble() >= lines.get(2).get("valTop1").asDouble());
        assertEquals(model.toString(), lines.get(3).get("model").asText());
        assertEquals(2, ModelStore.readInfo(model).history().size());
        assertTrue(Files.exists(dir.resolve("psd.checkpoint.zip")));

        assertEquals(ExitCodes.OK, run("evaluate", "--model", model.toString(), "--data", midi.toString(), "--json"), err.toString());
        JsonNode r = mapper.readTree(out.toString());
        assertEquals("pitch-step-duration", r.get("preset").asText());
        assertEquals(5, r.get("pieces").asInt());
        assertEquals("pitch", r.get("mainHead").asText());
        for (String k : List.of("loss", "top1", "top5", "nll", "repeatPreviousAccuracy", "unigramNll"))
            assertTrue(r.get(k).isNumber(), k + " in " + r);
        assertTrue(r.get("headLoss").has("step") && r.get("headLoss").has("duration"), r.toString());

        assertEquals(ExitCodes.OK, run("evaluate", "--model", model.toString(), "--data", midi.toString(), "--held-out"), err.toString());
        assertTrue(out.toString().contains("1 pieces"), out.toString());
        assertTrue(out.toString().contains("pitch top-1"), out.toString());
        assertTrue(out.toString().contains("baselines: repeat previous pitch"), out.toString());
    }

    @Test
    void printsOneLinePerEpochAndASummary() {
        Path model = dir.resolve("text.zip");
        assertEquals(ExitCodes.OK, run(train("--epochs", "1", "--max-batches", "2", "--out", model.toString())), err.toString());
        String o = out.toString();
        assertTrue(o.startsWith("training pitch-step-duration"), o);
        assertTrue(o.contains("epoch 1/1  train loss"), o);
        assertTrue(o.contains("pitch top-1"), o);
        assertTrue(o.contains("model: " + model), o);
    }

    @Test
    void badDataIsExitCode3() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("x.mid"), "not midi");
        assertEquals(ExitCodes.BAD_INPUT, run("train", "--data", bad.toString(), "--preset", "tf-tutorial"));
        assertTrue(err.toString().contains("x.mid"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("train", "--data", dir.resolve("nothing-here").toString(), "--preset", "tf-tutorial"));
        // readable but far too short for the windows
        assertEquals(ExitCodes.BAD_INPUT, run("train", "--data", midi.toString(), "--preset", "tf-tutorial",
                "--seq-len", "500", "--epochs", "1", "--out", dir.resolve("never.zip").toString()));
        assertTrue(err.toString().contains("no training windows"), err.toString());
        Path notAModel = Files.writeString(dir.resolve("model.zip"), "text");
        assertEquals(ExitCodes.BAD_INPUT, run("evaluate", "--model", notAModel.toString(), "--data", midi.toString()));
        assertTrue(err.toString().contains("not a zip archive"), err.toString());
    }

    @Test
    void unknownPresetIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("train", "--data", midi.toString(), "--preset", "jazz"));
        assertTrue(err.toString().contains("unknown preset 'jazz'"), err.toString());
    }

    private void assertOneLine(String stderr, String... parts) {
        String e = stderr.trim();
        assertTrue(!e.contains("\n"), "one line: " + e);
        for (String part : parts) assertTrue(e.contains(part), "'" + part + "' in: " + e);
    }

    @Test
    void trainNeverWritesOverAFileThatIsNotAModelEvenWithForce() throws Exception {
        Path tune = Files.list(midi).findFirst().orElseThrow();
        byte[] before = Files.readAllBytes(tune);
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            List<String> args = new java.util.ArrayList<>(List.of(train("--epochs", "1", "--max-batches", "1", "--out", tune.toString())));
            args.addAll(List.of(extra));
            assertEquals(ExitCodes.BAD_INPUT, run(args.toArray(String[]::new)));
            assertOneLine(err.toString(), tune.toString(), "is not a readable Rondo model", "choose another --out");
            assertTrue(out.toString().isEmpty(), "nothing was trained: " + out);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(tune));
    }

    @Test
    void trainRefusesAFolderOrAnExistingModelBeforeReadingTheDataAndReplacesAModelOnlyWithForceOrResume() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertEquals(ExitCodes.BAD_INPUT, run(train("--out", folder.toString())));
        assertOneLine(err.toString(), folder.toString(), "is a folder");

        Path model = dir.resolve("kept.zip");
        assertEquals(ExitCodes.OK, run(train("--epochs", "1", "--max-batches", "1", "--out", model.toString())), err.toString());
        byte[] first = Files.readAllBytes(model);
        // The data does not even exist: the output is checked first.
        assertEquals(ExitCodes.BAD_INPUT, run("train", "--data", dir.resolve("no-data").toString(), "--preset", "pitch-step-duration",
                "--out", model.toString()));
        assertOneLine(err.toString(), model + ": is already a model (pitch-step-duration, 1 epochs)", "--force", "--resume");
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, Files.readAllBytes(model));

        // Its checkpoint is in the way of a new run with another --out of the same name, too.
        Path other = dir.resolve("other.zip");
        Files.copy(dir.resolve("kept.checkpoint.zip"), dir.resolve("other.checkpoint.zip"));
        assertEquals(ExitCodes.BAD_INPUT, run(train("--epochs", "1", "--out", other.toString())));
        assertOneLine(err.toString(), "other.checkpoint.zip: is already a model", "the checkpoint would replace it");

        assertEquals(ExitCodes.OK, run(train("--epochs", "2", "--max-batches", "1", "--resume", model.toString(), "--out", model.toString())),
                err.toString());
        assertEquals(2, ModelStore.readInfo(model).history().size(), "continued in place");
        assertEquals(ExitCodes.OK, run(train("--epochs", "1", "--max-batches", "1", "--force", "--out", model.toString())), err.toString());
        assertEquals(1, ModelStore.readInfo(model).history().size(), "replaced on request");
    }

    @Test
    void trainSaysWhenTheOutputFolderCannotBeWrittenBeforeTraining() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assumeWritableCanBeTaken(locked);
        try {
            assertEquals(ExitCodes.BAD_INPUT, run(train("--epochs", "1", "--out", locked.resolve("m.zip").toString())));
            assertOneLine(err.toString(), "cannot be written", locked.toString());
            assertTrue(out.toString().isEmpty(), out.toString());
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    private static void assumeWritableCanBeTaken(Path folder) {
        boolean taken = folder.toFile().setWritable(false) && !Files.isWritable(folder);
        if (!taken) folder.toFile().setWritable(true);
        org.junit.jupiter.api.Assumptions.assumeTrue(taken, "cannot make a read-only folder here (running as root?)");
    }

    @Test
    void aResumedRunKeepsItsEpochsAndPatienceUnlessToldOtherwise() throws Exception {
        Path model = dir.resolve("plan.zip");
        assertEquals(ExitCodes.OK, run(train("--epochs", "2", "--patience", "7", "--max-batches", "2", "--out", model.toString())), err.toString());
        // Resumed without --epochs: the plan was 2 epochs, all done (a run resumed on main went on to the CLI's 10).
        assertEquals(ExitCodes.BAD_INPUT, run(train("--resume", model.toString(), "--out", model.toString(), "--max-batches", "2")), out.toString());
        assertTrue(err.toString().contains("already been trained for 2 epochs"), err.toString());
        assertEquals(ExitCodes.OK, run(train("--resume", model.toString(), "--out", model.toString(), "--epochs", "3", "--max-batches", "2")),
                err.toString());
        var plan = ModelStore.readInfo(model).training();
        assertEquals(3, plan.epochs());
        assertEquals(7, plan.patience(), "the resumed run's patience, not the CLI default");
        assertEquals(3, ModelStore.readInfo(model).history().size());
    }

    @Test
    void aDrumsOnlyFileIsReportedAsSkippedNotDroppedSilently() throws Exception {
        Path drums = dir.resolve("drums-only.mid");
        javax.sound.midi.Sequence seq = new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 480);
        javax.sound.midi.Track t = seq.createTrack();
        for (int i = 0; i < 8; i++) {
            t.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 9, 36, 100), i * 480L));
            t.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 9, 36, 0), i * 480L + 240));
        }
        javax.sound.midi.MidiSystem.write(seq, 1, drums.toFile());
        List<String> a = new java.util.ArrayList<>(List.of("train", "--data", midi.toString(), drums.toString(), "--preset", "pitch-step-duration"));
        a.addAll(List.of(TINY));
        a.addAll(List.of("--epochs", "1", "--max-batches", "1", "--out", dir.resolve("drums-test.zip").toString()));
        assertEquals(ExitCodes.OK, run(a.toArray(String[]::new)), err.toString());
        assertTrue(err.toString().contains(drums + ": no notes to learn from (drums, channel 10, are left out)"), err.toString());
    }
}
