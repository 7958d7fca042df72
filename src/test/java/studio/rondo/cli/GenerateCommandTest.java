package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

class GenerateCommandTest {
    static Path dir;
    static Path model;
    static Path primer;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainATinyModel(@TempDir Path tmp) throws Exception {
        dir = tmp;
        model = dir.resolve("tiny.zip");
        List<Piece> corpus = TestCorpus.pieces(4, 40, 2);
        TrainingConfig c = TrainingConfig.of(Presets.PERFORMANCE, 1).withHyperparameters(TestCorpus.tiny(Presets.PERFORMANCE))
                .withSplit(0.25, 1).withMaxBatches(20).withFiles(model, null, null);
        new Trainer(c, null).train(corpus);
        primer = dir.resolve("primer.mid");
        MidiWriter.write(corpus.get(0), primer);
    }

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void writesAMidiFileAndPrintsALinePerResult() throws Exception {
        Path f = dir.resolve("one.mid");
        int code = run("generate", "--model", model.toString(), "--primer", primer.toString(), "--primer-notes", "16",
                "--length", "24", "--seed", "5", "--top-p", "0.9", "--out", f.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        assertEquals(24, MidiReader.read(f).notes().size());
        String line = out.toString();
        assertTrue(line.startsWith(f + ": 24 notes, "), line);
        assertTrue(line.contains("seed 5, ") && line.contains(" notes/bar, range ") && line.contains("longest repeat ")
                && line.contains("silence "), line);
        assertTrue(line.matches("(?s).*seed 5, [A-G][b#]? (major|minor), .*"), "names the key: " + line);
    }

    @Test
    void variationsGoToAFolderAsJsonAndTheSeedReproduces() throws Exception {
        Path folder = dir.resolve("vars");
        int code = run("generate", "--model", model.toString(), "--primer", primer.toString(), "--seconds", "3", "--seed", "9",
                "--variations", "3", "--include-primer", "--json", "--out", folder.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(3, arr.size());
        for (int i = 1; i <= 3; i++) {
            JsonNode r = arr.get(i - 1);
            assertEquals(folder.resolve("primer-" + i + ".mid").toString(), r.get("file").asText());
            assertTrue(Files.isRegularFile(folder.resolve("primer-" + i + ".mid")));
            assertTrue(r.get("notes").asInt() > r.get("generatedNotes").asInt(), "primer included: " + r);
            assertTrue(r.get("silenceFraction").asDouble() >= 0 && r.get("longestRepeat").asInt() >= 1, r.toString());
            assertTrue(r.get("lengthReached").asBoolean() && r.get("events").asInt() < 400, r.toString());
        }
        assertEquals(9, arr.get(0).get("seed").asLong());
        // The first variation is what a single run with the same seed gives.
        Path single = dir.resolve("single.mid");
        assertEquals(ExitCodes.OK, run("generate", "--model", model.toString(), "--primer", primer.toString(), "--seconds", "3",
                "--seed", "9", "--include-primer", "--out", single.toString()), err.toString());
        assertArrayEquals(Files.readAllBytes(folder.resolve("primer-1.mid")), Files.readAllBytes(single));
    }

    @Test
    void pitchRangeBarsDynamicsAndQuantizeShapeTheResultAndTheJsonDescribesIt() throws Exception {
        Path f = dir.resolve("shaped.mid");
        int code = run("generate", "--model", model.toString(), "--primer", primer.toString(), "--primer-notes", "16", "--bars", "3",
                "--pitch-range", "C4-C5", "--dynamics", "mf", "--quantize", "1/8", "--quantize-strength", "100", "--seed", "3",
                "--json", "--out", f.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString()).get(0);
        Piece p = MidiReader.read(f);
        assertTrue(p.notes().size() > 0);
        for (var n : p.notes()) {
            assertTrue(n.pitch() >= 60 && n.pitch() <= 72, "pitch " + n.pitch());
            assertEquals(0, n.startTick() % (p.resolution() / 2), "on the 1/8 grid: " + n.startTick());
        }
        assertTrue(p.lengthTicks() <= 3L * 4 * p.resolution(), "three 4/4 bars: " + p.lengthTicks());
        assertTrue(p.notes().stream().mapToInt(n -> n.velocity()).distinct().count() > 1, "mf varies");
        assertTrue(r.get("key").asText().matches("[A-G][b#]? (major|minor)"), r.toString());
        // notes per bar: the notes written over a whole number of the three bars asked for
        assertEquals(p.notes().size(), r.get("notes").asInt());
        double bars = p.notes().size() / r.get("notesPerBar").asDouble();
        assertTrue(Math.abs(bars - Math.round(bars)) < 0.01 && Math.round(bars) >= 1 && Math.round(bars) <= 3, r.toString());
        assertTrue(r.get("lowestPitch").asInt() >= 60 && r.get("highestPitch").asInt() <= 72, r.toString());
        assertEquals("4/4", r.get("timeSignatureAtJoin").asText());
        assertEquals(120, r.get("tempoAtJoin").asDouble(), 0.01);
    }

    @Test
    void badMusicalOptionsAreBadInputNamingTheOption() {
        for (String[] bad : new String[][] {{"--pitch-range", "C1-C9"}, {"--pitch-range", "low"}, {"--dynamics", "fff"},
                {"--quantize", "1/5"}}) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", model.toString(), bad[0], bad[1], "--out", dir.resolve("b.mid").toString()));
            String e = err.toString().trim();
            assertTrue(e.contains(bad[0] + ": ") && !e.contains("\n"), e);
        }
        assertEquals(ExitCodes.USAGE, run("generate", "--model", model.toString(), "--bars", "2", "--length", "5",
                "--out", dir.resolve("b.mid").toString()));
        assertTrue(Files.notExists(dir.resolve("b.mid")));
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        Path f = Files.writeString(dir.resolve("taken.mid"), "keep me");
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", model.toString(), "--length", "5", "--out", f.toString()));
        assertTrue(err.toString().contains(f + " exists; use --force"), err.toString());
        assertEquals("keep me", Files.readString(f));
        assertEquals(ExitCodes.OK, run("generate", "--model", model.toString(), "--length", "5", "--force", "--out", f.toString()), err.toString());
        assertEquals(5, MidiReader.read(f).notes().size());
    }

    @Test
    void alsoRendersAWavBesideTheMidiFile() throws Exception {
        Path f = dir.resolve("with-sound.mid");
        assertEquals(ExitCodes.OK, run("generate", "--model", model.toString(), "--length", "12", "--wav", "--out", f.toString()),
                err.toString());
        Path wav = dir.resolve("with-sound.wav");
        assertTrue(Files.size(wav) > 44 + 44_100, "a WAV of more than a quarter second: " + Files.size(wav));
        assertTrue(out.toString().contains("with-sound.wav"), out.toString());
    }

    @Test
    void aCorruptModelIsBadInput() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path bad = dir.resolve("corrupt.zip");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", bad.toString(), "--out", dir.resolve("x.mid").toString()));
        assertTrue(err.toString().contains(bad + ": not a model file"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x.mid")));
    }

    @Test
    void aMissingPrimerIsBadInputAndConflictingLengthsAUsageError() {
        Path missing = dir.resolve("nope.mid");
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", model.toString(), "--primer", missing.toString(),
                "--out", dir.resolve("y.mid").toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
        assertEquals(ExitCodes.USAGE, run("generate", "--model", model.toString(), "--length", "5", "--seconds", "2",
                "--out", dir.resolve("z.mid").toString()));
        assertEquals(ExitCodes.USAGE, run("generate", "--model", model.toString(), "--temperature", "-1",
                "--out", dir.resolve("z.mid").toString()));
    }
}
