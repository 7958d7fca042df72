package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.dataset.CorpusScanner;

/** Files named .mid that are not ordinary files: a pipe must not block, a device must not flood memory. */
public class MidiReaderSpecialFilesTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A FIFO made with mkfifo; the test is skipped where the OS has none. */
    public static Path fifo(Path file) throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().contains("win"), "no FIFOs on Windows");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return null;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(file), "mkfifo failed");
        return file;
    }

    /** A symbolic link named .mid to a file whose size reads as 0; skipped where there is none or links are not allowed. */
    static Path linkTo(Path link, Path target) {
        assumeTrue(Files.exists(target), target + " does not exist here");
        try {
            return Files.createSymbolicLink(link, target);
        } catch (Exception e) {
            assumeTrue(false, "symbolic links are not allowed here: " + e);
            return null;
        }
    }

    @Test
    void aFifoNamedMidIsRefusedAtOnceByTheReaderTheImportAndTheScanner() throws Exception {
        Path f = fifo(dir.resolve("x.mid"));
        MidiFormatException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(MidiFormatException.class, () -> MidiReader.read(f)));
        assertEquals(f + ": is not a regular file (a pipe, device or socket); MIDI files are read from ordinary files only", e.getMessage());
        List<MidiImport.Result> results = assertTimeoutPreemptively(QUICKLY, () -> MidiImport.readAll(List.of(f), ReadOptions.DEFAULT));
        assertFalse(results.get(0).ok());
        assertTrue(results.get(0).error().contains("not a regular file"), results.get(0).error());
        CorpusEntry entry = assertTimeoutPreemptively(QUICKLY, () -> new CorpusScanner(ReadOptions.DEFAULT).read(f));
        assertEquals(CorpusEntry.Status.ERROR, entry.status());
        assertTrue(entry.problem().contains("not a regular file"), entry.problem());
    }

    @Test
    void aLinkToDevZeroIsRefusedInsteadOfFillingTheMemory() throws Exception {
        Path link = linkTo(dir.resolve("zero.mid"), Path.of("/dev/zero"));
        MidiFormatException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(MidiFormatException.class, () -> MidiReader.read(link)));
        assertTrue(e.reason().contains("not a regular file"), e.getMessage());
        CorpusEntry entry = assertTimeoutPreemptively(QUICKLY, () -> new CorpusScanner(ReadOptions.DEFAULT).read(link));
        assertEquals(CorpusEntry.Status.ERROR, entry.status());
    }

    @Test
    void theSizeLimitAppliesToWhatIsReadNotToTheSizeTheFileSystemReports() throws Exception {
        // Files under /proc are regular files that report size 0 and have content.
        Path link = linkTo(dir.resolve("proc.mid"), Path.of("/proc/self/status"));
        assumeTrue(Files.size(link) == 0 && Files.isRegularFile(link), "/proc does not report size 0 here");
        MidiFormatException e = assertThrows(MidiFormatException.class,
                () -> MidiReader.read(link, ReadOptions.DEFAULT.withMaxFileBytes(64)));
        assertEquals("file is more than 64 bytes, larger than the limit of 64 bytes for a MIDI file", e.reason());
    }

    @Test
    void aFileWithinTheLimitIsReadWhole() throws Exception {
        byte[] bytes = Smf.file(1, 480, Smf.track().tempo(0, 500_000).end(0).bytes(),
                Smf.track().on(0, 0, 60, 80).off(480, 0, 60).end(0).bytes());
        Path f = Files.write(dir.resolve("ok.mid"), bytes);
        assertEquals(bytes.length, MidiReader.readBytes(f, bytes.length).length, "exactly at the limit is allowed");
        assertThrows(MidiFormatException.class, () -> MidiReader.readBytes(f, bytes.length - 1));
        assertEquals(1, MidiReader.read(f).notes().size());
    }
}
