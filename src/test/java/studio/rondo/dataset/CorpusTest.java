package studio.rondo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.music.Piece;

class CorpusTest {
    @TempDir
    Path dir;

    private Path folderWithTwoComposersAndACorruptFile() throws Exception {
        MidiFixtures.write(dir.resolve("mozart/a.mid"), 10, 60);
        MidiFixtures.write(dir.resolve("mozart/b.midi"), 20, 50);
        MidiFixtures.write(dir.resolve("chopin/deep/c.mid"), 30, 40);
        Files.writeString(dir.resolve("chopin/broken.mid"), "this is not MIDI");
        Files.writeString(dir.resolve("chopin/notes.txt"), "ignored: not a .mid file");
        return dir;
    }

    @Test
    void addingAFolderReadsMidiFilesRecursivelyAndExplainsTheCorruptOne() throws Exception {
        Corpus corpus = new Corpus();
        List<CorpusEntry> seen = new ArrayList<>();
        ScanResult result = corpus.add(List.of(folderWithTwoComposersAndACorruptFile()), ProgressListener.NONE, seen::add,
                CancellationToken.none());

        assertEquals(4, corpus.size());
        assertEquals(4, seen.size(), "every entry is reported as it comes");
        assertEquals(1, result.errors());
        CorpusEntry broken = corpus.entry(dir.resolve("chopin/broken.mid")).orElseThrow();
        assertEquals(CorpusEntry.Status.ERROR, broken.status());
        assertTrue(broken.problem().contains("not a MIDI file"), broken.problem());

        CorpusEntry b = corpus.entry(dir.resolve("mozart/b.midi")).orElseThrow();
        assertTrue(b.ok());
        assertEquals("b", b.summary().name());
        assertEquals("mozart", b.summary().folder());
        assertEquals(20, b.summary().notes());
        assertEquals(50, b.summary().lowestPitch());
        assertEquals(50 + 19, b.summary().highestPitch());
        assertEquals(9.9, b.summary().durationSeconds(), 1e-3);
        assertEquals(64, b.fingerprint().sha256().length());

        CorpusTotals t = corpus.totals();
        assertEquals(3, t.pieces());
        assertEquals(1, t.problems());
        assertEquals(60, t.notes());
        assertEquals((4.9 + 9.9 + 14.9) / 3600, t.hours(), 1e-6);
    }

    @Test
    void aMissingPathAndADrumOnlyFileAreErrorsInWords() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 90), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 9, 36, 0), 480));
        Path drums = dir.resolve("drums.mid");
        MidiSystem.write(seq, 1, drums.toFile());
        Corpus corpus = new Corpus();
        corpus.add(List.of(dir.resolve("nope.mid"), drums));
        assertEquals("not found", corpus.entry(dir.resolve("nope.mid")).orElseThrow().problem());
        assertEquals("has no notes to learn from (drums are skipped)", corpus.entry(drums).orElseThrow().problem());
        assertEquals(0, corpus.totals().pieces());
        assertEquals(2, corpus.totals().problems());
    }

    @Test
    void listenersHearEveryChangeOutsideTheLock() throws Exception {
        Corpus corpus = new Corpus();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        corpus.addChangeListener(() -> {
            calls.incrementAndGet();
            // Another thread can read the corpus while a listener runs: the lock is not held.
            java.util.concurrent.CompletableFuture.supplyAsync(corpus::size).join();
        });
        corpus.add(List.of(folderWithTwoComposersAndACorruptFile()));
        assertEquals(4 + 1, calls.get(), "one per file, one for the first split");
        corpus.move(dir.resolve("mozart/a.mid"), Split.VALIDATION);
        corpus.remove(dir.resolve("mozart/a.mid"));
        corpus.remove(dir.resolve("mozart/a.mid"));
        assertEquals(7, calls.get(), "removing what is not there changes nothing");
    }

    @Test
    void removeDropsTheEntryAndItsTotals() throws Exception {
        Corpus corpus = new Corpus();
        corpus.add(List.of(folderWithTwoComposersAndACorruptFile()));
        assertTrue(corpus.remove(dir.resolve("mozart/a.mid")));
        assertEquals(50, corpus.totals().notes());
        assertEquals(1, corpus.removeProblems());
        assertEquals(2, corpus.size());
    }

    private Corpus hundredPieces(Path root) throws Exception {
        byte[] midi = MidiFixtures.bytes(5, 60);
        for (int i = 0; i < 100; i++) {
            Path f = root.resolve("composer" + i % 4).resolve("piece" + i + ".mid");
            Files.createDirectories(f.getParent());
            Files.write(f, midi);
        }
        Corpus corpus = new Corpus();
        corpus.add(List.of(root));
        return corpus;
    }

    private static Set<String> validationNames(Corpus c) {
        return c.entries(Split.VALIDATION).stream().map(e -> e.summary().folder() + "/" + e.summary().name())
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultSplitIsDeterministicByPieceAndDependsOnTheSeed() throws Exception {
        Corpus one = hundredPieces(dir.resolve("one"));
        Corpus two = hundredPieces(dir.resolve("two")); // same names in another place: same split
        one.resplit(0.1, 7);
        two.resplit(0.1, 7);
        assertEquals(10, one.totals().validationPieces());
        assertEquals(90, one.totals().trainPieces());
        assertEquals(validationNames(one), validationNames(two));
        two.resplit(0.1, 8);
        assertEquals(10, validationNames(two).size());
        assertNotEquals(validationNames(one), validationNames(two));
    }

    @Test
    void theFirstScanSplitsExactlyAndLaterAdditionsNeverMoveExistingPieces() throws Exception {
        Corpus corpus = hundredPieces(dir.resolve("one"));
        assertEquals(10, corpus.totals().validationPieces());
        Set<String> before = validationNames(corpus);
        byte[] midi = MidiFixtures.bytes(5, 60);
        for (int i = 0; i < 100; i++) Files.write(Files.createDirectories(dir.resolve("more")).resolve("new" + i + ".mid"), midi);
        corpus.add(List.of(dir.resolve("more")));
        assertEquals(200, corpus.totals().pieces());
        Set<String> after = validationNames(corpus);
        assertTrue(after.containsAll(before));
        int added = after.size() - before.size();
        assertTrue(added >= 2 && added <= 25, "about 10% of the new pieces: " + added);
    }

    @Test
    void aSmallCorpusKeepsAtLeastOnePieceOnEachSide() throws Exception {
        MidiFixtures.write(dir.resolve("a.mid"), 3, 60);
        MidiFixtures.write(dir.resolve("b.mid"), 3, 60);
        Corpus c = new Corpus();
        c.add(List.of(dir));
        c.resplit(0.1, 1);
        assertEquals(1, c.totals().validationPieces());
        assertEquals(1, c.totals().trainPieces());
    }

    @Test
    void movingAPieceChangesItsSideAndRescanningKeepsIt() throws Exception {
        Corpus corpus = new Corpus();
        corpus.add(List.of(folderWithTwoComposersAndACorruptFile()));
        corpus.resplit(0, 1);
        Path a = dir.resolve("mozart/a.mid");
        corpus.move(a, Split.VALIDATION);
        assertEquals(Split.VALIDATION, corpus.entry(a).orElseThrow().split());
        assertEquals(1, corpus.validationPieces().size());
        assertEquals(10, corpus.validationPieces().totalNotes());
        corpus.add(List.of(a));
        assertEquals(Split.VALIDATION, corpus.entry(a).orElseThrow().split(), "a re-read piece keeps its side");
        assertThrows(IllegalArgumentException.class, () -> corpus.move(dir.resolve("other.mid"), Split.TRAIN));
    }

    @Test
    void piecesAreLoadedOnDemandAndCachedWithinTheNoteBudget() throws Exception {
        Corpus corpus = new Corpus(studio.rondo.midi.ReadOptions.DEFAULT, 35);
        corpus.add(List.of(folderWithTwoComposersAndACorruptFile()));
        corpus.resplit(0, 1);
        CorpusPieces train = corpus.trainingPieces();
        assertEquals(3, train.size());
        assertEquals(0, corpus.cachedNotes(), "nothing is loaded before it is asked for");
        Piece first = train.get(0);
        assertSame(first, train.get(0), "a loaded piece is cached");
        assertEquals(train.entries().get(0).summary().notes(), first.notes().size());
        for (Piece p : train) assertTrue(p.notes().size() > 0);
        assertTrue(corpus.cachedNotes() <= 35, "the cache stays within its budget: " + corpus.cachedNotes());
    }

    @Test
    void aPieceChangedOnDiskIsReadAgainAndOneDeletedFailsWithItsName() throws Exception {
        Path a = MidiFixtures.write(dir.resolve("a.mid"), 10, 60);
        Path b = MidiFixtures.write(dir.resolve("b.mid"), 10, 60);
        Corpus corpus = new Corpus();
        corpus.add(List.of(a, b));
        corpus.resplit(0, 1);
        CorpusPieces train = corpus.trainingPieces();
        assertEquals(10, train.get(0).notes().size());
        MidiFixtures.write(a, 12, 60);
        assertEquals(12, corpus.load(corpus.entry(a).orElseThrow()).notes().size());
        assertEquals(12, corpus.entry(a).orElseThrow().summary().notes(), "the entry follows the file");
        Files.delete(b);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> train.get(1));
        assertTrue(e.getMessage().contains("b.mid") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void theFingerprintChangesWithContentAndSplitOnly() throws Exception {
        Corpus corpus = new Corpus();
        corpus.add(List.of(folderWithTwoComposersAndACorruptFile()));
        corpus.resplit(0, 1);
        String before = corpus.fingerprint();
        Path a = dir.resolve("mozart/a.mid");
        corpus.move(a, Split.VALIDATION);
        String moved = corpus.fingerprint();
        assertNotEquals(before, moved);
        corpus.move(a, Split.TRAIN);
        assertEquals(before, corpus.fingerprint());
        MidiFixtures.write(a, 11, 60);
        corpus.add(List.of(a));
        assertNotEquals(before, corpus.fingerprint());
    }
}
