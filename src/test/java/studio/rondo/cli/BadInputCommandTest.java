package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

/** Bad input on the command line: exit 3 (2 for usage), one line on stderr that names the thing and says what to do. */
class BadInputCommandTest {
    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String errLine() {
        String e = err.toString().trim();
        assertFalse(e.contains("\n"), "one line: " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        return e;
    }

    private Path missingModel() {
        return dir.resolve("never-read.zip"); // the lengths are checked before the model is even looked for
    }

    @Test
    void generateRefusesLengthsBeyondTheLimitsUpFront() {
        String mid = dir.resolve("x.mid").toString();
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", missingModel().toString(), "--length", "10000000", "--out", mid));
        assertTrue(errLine().startsWith("rondo: --length: at most 100000 notes can be generated at a time, not 10000000"), errLine());
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", missingModel().toString(), "--seconds", "1e9", "--out", mid));
        assertTrue(errLine().startsWith("rondo: --seconds: at most 7200 seconds (2 hours) can be generated at a time"), errLine());
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", missingModel().toString(), "--bars", "5000", "--out", mid));
        assertTrue(errLine().contains("--bars: at most 1000 bars"), errLine());
        assertTrue(Files.notExists(dir.resolve("x.mid")));
    }

    @Test
    void aLengthOfZeroIsAUsageErrorSaidInWholeNumbers() {
        assertEquals(ExitCodes.USAGE, run("generate", "--model", missingModel().toString(), "--length", "0",
                "--out", dir.resolve("x.mid").toString()));
        String e = errLine();
        assertTrue(e.startsWith("rondo: --length must be a positive whole number: 0 "), e);
        assertFalse(e.contains("0.0"), e);
    }

    @Test
    void anUnknownPresetPointsToThePresetsListOnce() {
        assertEquals(ExitCodes.USAGE, run("train", "--data", dir.toString(), "--preset", "jazz"));
        String e = errLine();
        assertTrue(e.contains("unknown preset 'jazz' (see 'rondo presets')"), e);
        assertEquals(1, e.split("\\(see ", -1).length - 1, e);
    }

    @Test
    void renderOfAFolderSaysItIsAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("songs"));
        assertEquals(ExitCodes.BAD_INPUT, run("render", folder.toString(), "--out", dir.resolve("a.wav").toString()));
        assertEquals("rondo: " + folder + ": is a folder; give one MIDI file to render", errLine());
    }

    @Test
    void aFifoNamedMidIsBadInputForInspectAndForAPrimerInsteadOfBlocking() throws Exception {
        Path fifo = studio.rondo.midi.MidiReaderSpecialFilesTest.fifo(dir.resolve("pipe.mid"));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("inspect", fifo.toString()));
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(err.toString().contains(fifo + ": is not a regular file"), err.toString());
        code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("generate", "--model", missingModel().toString(),
                "--primer", fifo.toString(), "--out", dir.resolve("p.mid").toString()));
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(errLine().startsWith("rondo: primer " + fifo + ": is not a regular file"), errLine());
    }

    @Test
    void aPrimerThatIsMissingSaysWhy() {
        Path missing = dir.resolve("gone.mid");
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", missingModel().toString(), "--primer", missing.toString(),
                "--out", dir.resolve("p.mid").toString()));
        assertEquals("rondo: primer " + missing + ": no such file", errLine());
    }

    @Test
    void evaluateOfAModelThatDivergedIsBadInputSayingSo() throws Exception {
        EngineRuntime.start();
        List<Piece> corpus = TestCorpus.pieces(3, 40, 3);
        Path midi = Files.createDirectories(dir.resolve("midi"));
        for (Piece p : corpus) MidiWriter.write(p, midi.resolve(p.name() + ".mid"));
        Preset preset = Presets.PITCH_STEP_DURATION;
        var encoding = preset.newEncoding().fit(corpus);
        Hyperparameters hp = TestCorpus.tiny(preset);
        var net = NetworkFactory.build(preset, encoding, hp, 5);
        net.params().assign(Float.NaN);
        ModelInfo info = new ModelInfo(ModelStore.FORMAT_VERSION, preset.id(), encoding.spec(), hp,
                new ModelInfo.TrainingSettings(5, 0.1, 4, 1, 0), List.of(), new ModelInfo.Progress(1, 0, 10, 1),
                new ModelInfo.CorpusInfo("x", 3, 3, List.of()), null, net.numParams(), "now", null);
        Path model = dir.resolve("diverged.zip");
        ModelStore.save(model, net, info);
        assertEquals(ExitCodes.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", midi.toString()));
        String e = errLine();
        assertTrue(e.startsWith("rondo: " + model + ": ") && e.contains("diverged in training"), e);
    }
}
