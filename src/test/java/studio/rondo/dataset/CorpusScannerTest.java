package studio.rondo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.midi.ReadOptions;

class CorpusScannerTest {
    @TempDir
    Path dir;

    @Test
    void progressCountsFilesAndEndsAtTheTotal() throws Exception {
        for (int i = 0; i < 5; i++) MidiFixtures.write(dir.resolve("f" + i + ".mid"), 4, 60);
        List<long[]> calls = new ArrayList<>();
        ScanResult r = new CorpusScanner(ReadOptions.DEFAULT).scan(List.of(dir),
                (done, total, current) -> calls.add(new long[] {done, total}), CancellationToken.none());
        assertFalse(r.cancelled());
        assertEquals(5, r.entries().size());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(5, last[0]);
        assertEquals(5, last[1]);
        assertTrue(calls.stream().anyMatch(c -> c[0] == 2 && c[1] == 5));
    }

    @Test
    void cancelStopsTheScanAtTheNextFile() throws Exception {
        byte[] midi = MidiFixtures.bytes(4, 60);
        for (int i = 0; i < 200; i++) Files.write(dir.resolve(String.format("f%03d.mid", i)), midi);
        CancellationToken cancel = new CancellationToken();
        List<CorpusEntry> seen = new ArrayList<>();
        ScanResult r = new CorpusScanner(ReadOptions.DEFAULT).scan(List.of(dir), ProgressListener.NONE, e -> {
            seen.add(e);
            if (seen.size() == 3) cancel.cancel();
        }, cancel);
        assertTrue(r.cancelled());
        assertEquals(3, r.entries().size());
        assertEquals(3, seen.size());
    }

    @Test
    void mozartFromTheSharedDataHasFifteenPiecesAndPlausibleTotals() {
        Path mozart = MidiFixtures.pianoMidiDe().resolve("mozart");
        Corpus corpus = new Corpus();
        ScanResult r = corpus.add(List.of(mozart));
        CorpusTotals t = corpus.totals();
        assertEquals(15, t.pieces(), () -> "errors: " + r.entries().stream().filter(e -> !e.ok()).toList());
        assertEquals(0, t.problems());
        // Five sonatas, all movements: well over an hour of music, tens of thousands of notes.
        assertTrue(t.hours() > 1.0 && t.hours() < 2.5, "hours " + t.hours());
        assertTrue(t.notes() > 30_000 && t.notes() < 100_000, "notes " + t.notes());
        for (CorpusEntry e : corpus.entries()) {
            assertEquals("mozart", e.summary().folder());
            assertTrue(e.summary().tempoEvents() > 10, e + " has a dense tempo map");
            assertTrue(e.summary().lowestPitch() >= 21 && e.summary().highestPitch() <= 108, e.toString());
        }
        assertEquals(2, corpus.totals().validationPieces(), "the first scan makes the exact default split: 10% of 15, rounded");
    }
}
