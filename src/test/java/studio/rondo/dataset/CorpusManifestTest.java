package studio.rondo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusManifestTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    @Test
    void aSavedCorpusReopensWithItsSplitsAndFlagsAMissingFile() throws Exception {
        Path a = MidiFixtures.write(dir.resolve("mozart/a.mid"), 10, 60);
        Path b = MidiFixtures.write(dir.resolve("mozart/b.mid"), 20, 60);
        Path outside = MidiFixtures.write(elsewhere.resolve("c.mid"), 30, 60);
        Files.writeString(dir.resolve("bad.mid"), "junk");
        Corpus corpus = new Corpus();
        corpus.add(List.of(dir, outside));
        corpus.resplit(0.2, 5);
        corpus.move(b, Split.VALIDATION);
        corpus.move(a, Split.TRAIN);
        Path manifest = dir.resolve("corpus.json");
        CorpusManifest.save(corpus, manifest);

        String json = Files.readString(manifest);
        assertTrue(json.contains("\"path\" : \"mozart/a.mid\""), "inside the folder: relative\n" + json);
        assertTrue(json.contains("\"path\" : \"" + outside.toAbsolutePath().toString().replace("\\", "\\\\") + "\""), "outside: absolute");
        assertEquals(List.of("corpus.json"), Files.list(dir).filter(p -> p.getFileName().toString().contains("corpus"))
                .map(p -> p.getFileName().toString()).toList(), "no temporary file is left");

        Files.delete(outside);
        Corpus reopened = CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none());
        assertEquals(4, reopened.size());
        assertEquals(Split.VALIDATION, reopened.entry(b).orElseThrow().split());
        assertEquals(Split.TRAIN, reopened.entry(a).orElseThrow().split());
        assertEquals(corpus.entry(a).orElseThrow(), reopened.entry(a).orElseThrow());
        CorpusEntry gone = reopened.entry(outside).orElseThrow();
        assertEquals(CorpusEntry.Status.MISSING, gone.status());
        assertEquals("missing: " + outside.toAbsolutePath() + " not found", gone.problem());
        assertEquals(30, gone.summary().notes(), "the last known summary is kept for display");
        assertEquals(CorpusEntry.Status.ERROR, reopened.entry(dir.resolve("bad.mid")).orElseThrow().status());
        assertEquals(30, reopened.totals().notes(), "missing and bad files do not count");
        assertEquals(0.2, reopened.validationFraction());
        assertEquals(5, reopened.splitSeed());
    }

    @Test
    void aFileChangedSinceSavingIsReadAgain() throws Exception {
        Path a = MidiFixtures.write(dir.resolve("a.mid"), 10, 60);
        Corpus corpus = new Corpus();
        corpus.add(List.of(a));
        Path manifest = dir.resolve("corpus.json");
        CorpusManifest.save(corpus, manifest);

        MidiFixtures.write(a, 14, 60);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        Corpus reopened = CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none());
        CorpusEntry e = reopened.entry(a).orElseThrow();
        assertEquals(14, e.summary().notes());
        assertEquals(Fingerprint.sha256(Files.readAllBytes(a)), e.fingerprint().sha256());
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path a = MidiFixtures.write(dir.resolve("a.mid"), 10, 60);
        Corpus corpus = new Corpus();
        corpus.add(List.of(a));
        Path manifest = dir.resolve("corpus.json");
        CorpusManifest.save(corpus, manifest);
        // Same size and time, other content: only a re-read could notice, so the saved summary shows it was not.
        long time = Files.getLastModifiedTime(a).toMillis();
        byte[] other = MidiFixtures.bytes(10, 61);
        assertEquals(Files.size(a), other.length);
        Files.write(a, other);
        Files.setLastModifiedTime(a, FileTime.fromMillis(time));
        Corpus reopened = CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none());
        assertEquals(60, reopened.entry(a).orElseThrow().summary().lowestPitch());
    }

    @Test
    void aManifestOfAnotherVersionOrNotJsonIsRefusedWithTheReason() throws Exception {
        Path m = dir.resolve("corpus.json");
        Files.writeString(m, "{\"format\":\"rondo-corpus\",\"version\":9,\"entries\":[]}");
        IOException e = assertThrows(IOException.class, () -> CorpusManifest.load(m, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("format version 9; this studio reads version 1"), e.getMessage());
        Files.writeString(m, "not json");
        e = assertThrows(IOException.class, () -> CorpusManifest.load(m, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("is not a corpus manifest"), e.getMessage());
        assertEquals(0, CorpusManifest.loadIfPresent(dir.resolve("none.json"), ProgressListener.NONE,
                CancellationToken.none()).size(), "no manifest yet: an empty corpus");
    }

    @Test
    void keepAsideMovesTheManifestAndNeverReplacesOneKeptEarlier() throws Exception {
        Path manifest = Files.writeString(dir.resolve("corpus.json"), "first");
        Path first = CorpusManifest.keepAside(manifest, "damaged");
        Files.writeString(manifest, "second");
        Path second = CorpusManifest.keepAside(manifest, "damaged");
        assertTrue(first.getFileName().toString().startsWith("corpus.json.damaged-"), first.toString());
        assertTrue(!first.equals(second), "a second one gets its own name");
        assertEquals("first", Files.readString(first));
        assertEquals("second", Files.readString(second));
        assertTrue(Files.notExists(manifest));
    }

    @Test
    void aTruncatedManifestFailsToLoadWithItsNameAndANewerOneSaysItsVersion() throws Exception {
        Path manifest = Files.writeString(dir.resolve("corpus.json"), "{\"format\":\"rondo-corpus\",\"version\":1,\"entr");
        IOException e = assertThrows(IOException.class, () -> CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().startsWith(manifest + " is not a corpus manifest"), e.getMessage());
        Files.writeString(manifest, "{\"format\":\"rondo-corpus\",\"version\":7}");
        IOException v = assertThrows(CorpusManifest.NewerVersionException.class,
                () -> CorpusManifest.load(manifest, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(v.getMessage().contains("format version 7"), v.getMessage());
    }
}
