package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;

class MetricsCommandTest {
    static Path corpus;
    static Path generated;
    static Path copy;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Six random melodies in a corpus folder (two composers' subfolders); two new ones and a transposed copy of one. */
    @BeforeAll
    static void files(@TempDir Path dir) throws Exception {
        corpus = dir.resolve("corpus");
        generated = dir.resolve("generated");
        Files.createDirectories(corpus.resolve("a"));
        Files.createDirectories(corpus.resolve("b"));
        Files.createDirectories(generated);
        List<List<TimedNote>> melodies = new ArrayList<>();
        for (int k = 0; k < 8; k++) melodies.add(melody(k, 0));
        for (int k = 0; k < 6; k++) MidiWriter.write(piece("p" + k, melodies.get(k)), corpus.resolve((k < 3 ? "a/" : "b/") + "p" + k + ".mid"));
        for (int k = 6; k < 8; k++) MidiWriter.write(piece("g" + k, melodies.get(k)), generated.resolve("g" + k + ".mid"));
        copy = dir.resolve("copy.mid");
        MidiWriter.write(piece("copy", melody(4, 3)), copy);
        Files.writeString(generated.resolve("broken.mid"), "not midi");
    }

    private static List<TimedNote> melody(long seed, int transpose) {
        Random r = new Random(seed);
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < 64; i++) notes.add(new TimedNote(50 + r.nextInt(30) + transpose, 80, 0, i * 0.25, i * 0.25 + 0.2));
        return notes;
    }

    private static Piece piece(String name, List<TimedNote> notes) {
        return Piece.fromSeconds(name, notes, TempoMap.constant(480, 120));
    }

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheFeatureTableAndFindsATransposedCopy() {
        int code = run("metrics", "--reference", corpus.toString(), "--generated", generated.toString(), copy.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("reference: 6 pieces, 384 notes; generated: 3 pieces, 192 notes"), text);
        for (String label : List.of("Distinct pitches", "Scale consistency", "Pitch-class histogram", "Note-length histogram", "mean overlap"))
            assertTrue(text.contains(label), label + " in\n" + text);
        assertTrue(text.contains("copy.mid: 64 notes, sequences found 100.0 %, longest copied run: 64 notes from b/p4.mid, bar 1 (0:00.0): "
                + "the whole piece"), text);
        assertTrue(text.contains("g6.mid: 64 notes, sequences found 0.0 %, no run of 8 notes or more copied"), text);
        assertTrue(err.toString().contains("broken.mid"), "the unreadable file is reported: " + err);
    }

    @Test
    void printsJsonWithTrainingAndExclusions() throws Exception {
        Path list = corpus.resolveSibling("leave-out.txt");
        Files.writeString(list, "# held out\nb/p4.mid\n");
        int code = run("metrics", "--json", "--reference", corpus.toString(), "--exclude", list.toString(), "--generated", copy.toString(),
                "--training", corpus.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals(5, n.get("reference").get("pieces").asInt());
        assertEquals(10, n.get("features").size());
        JsonNode first = n.get("features").get(0);
        assertEquals("distinct-pitches", first.get("feature").asText());
        assertTrue(first.get("overlap").asDouble() >= 0 && first.get("overlap").asDouble() <= 1);
        assertTrue(first.has("kl") && first.has("rawOverlap") && first.has("intraReference") && first.has("inter"));
        assertEquals(12, n.get("features").get(8).get("referenceHistogram").size());
        JsonNode o = n.get("originality");
        assertEquals(5, o.get("trainingPieces").asInt(), "the listed piece is left out of the training pieces too");
        assertEquals(false, o.get("trainingIsReference").asBoolean());
        JsonNode piece = n.get("pieces").get(0);
        assertEquals("copy.mid", piece.get("name").asText());
        assertTrue(piece.get("longestRun").asInt() < 64, "p4 is left out, so its copy is not found whole");
        assertEquals(12, piece.get("features").get("pitch-class-histogram").size());
    }

    @Test
    void exitCodesAsElsewhere() {
        assertEquals(ExitCodes.USAGE, run("metrics", "--reference", corpus.toString()));
        assertTrue(err.toString().contains("--generated"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("metrics", "--reference", corpus.resolve("a/p0.mid").toString(), "--generated", copy.toString()));
        assertTrue(err.toString().contains("at least two pieces"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("metrics", "--reference", corpus.toString(), "--generated", generated.resolve("broken.mid").toString()));
        assertEquals(ExitCodes.BAD_INPUT, run("metrics", "--reference", corpus.toString(), "--generated", corpus.resolve("nothing-here").toString()));
    }
}
