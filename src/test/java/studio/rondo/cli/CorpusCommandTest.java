package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.Corpus;
import studio.rondo.dataset.CorpusManifest;
import studio.rondo.dataset.MidiFixtures;
import studio.rondo.dataset.ProgressListener;

class CorpusCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTotalsAndSplitSavesTheManifestAndExits3ForAnUnreadableFile() throws Exception {
        for (int i = 0; i < 4; i++) MidiFixtures.write(dir.resolve("set/p" + i + ".mid"), 10, 60);
        Files.writeString(dir.resolve("set/bad.mid"), "nope");
        Path manifest = dir.resolve("corpus.json");
        int code = run("corpus", dir.resolve("set").toString(), "--validation", "0.25", "--save", manifest.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(out.toString().contains("4 pieces, 40 notes, 0.01 hours (1 skipped)"), out.toString());
        assertTrue(out.toString().contains("split: 3 train, 1 validation (fraction 0.25, seed 42)"), out.toString());
        assertTrue(err.toString().contains("bad.mid: not a MIDI file"), err.toString());
        Corpus saved = CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none());
        assertEquals(5, saved.size());
        assertEquals(1, saved.totals().validationPieces());
    }
}
