package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiReaderErrorsTest {
    private static final byte[] GOOD = Smf.file(1, 480,
            Smf.track().tempo(0, 500_000).end(0).bytes(),
            Smf.track().on(0, 0, 60, 80).off(480, 0, 60).end(0).bytes());

    private static String reason(byte[] bytes) {
        return assertThrows(MidiFormatException.class, () -> MidiReaderTest.read(bytes)).reason();
    }

    @Test
    void refusesFormat2WithAClearMessage() {
        byte[] f = GOOD.clone();
        f[9] = 2;
        assertEquals("format 2 (independent sequences) is not supported", reason(f));
    }

    @Test
    void refusesEmptyAndNonMidiFiles() {
        assertEquals("empty file", reason(new byte[0]));
        assertTrue(reason("just some text, not music".getBytes(StandardCharsets.US_ASCII)).startsWith("not a MIDI file"));
    }

    @Test
    void refusesTruncatedFiles() {
        byte[] f = Arrays.copyOf(GOOD, GOOD.length - 5);
        assertTrue(reason(f).contains("claims"), reason(f));
        byte[] headerOnly = Arrays.copyOf(GOOD, 14);
        assertTrue(reason(headerOnly).contains("announces 2 tracks"), reason(headerOnly));
    }

    @Test
    void refusesAChunkLengthLargerThanTheFile() {
        byte[] f = GOOD.clone();
        f[14 + 4] = 0x7F; // first MTrk now claims about 2 GB
        assertTrue(reason(f).contains("only"), reason(f));
    }

    @Test
    void refusesAnEventRunningPastItsTrack() {
        // A meta event claiming 100 bytes inside a 10-byte track.
        byte[] t = Smf.track().raw(0, 0xFF, 0x01, 100, 'a', 'b').bytes();
        assertTrue(reason(Smf.file(0, 480, t)).contains("truncated"));
    }

    @Test
    void refusesADataByteWithoutAStatus() {
        byte[] t = Smf.track().raw(0, 60, 100).end(0).bytes();
        assertTrue(reason(Smf.file(0, 480, t)).contains("without a status"));
    }

    @Test
    void refusesAbsurdlyManyNotesQuicklyAndWithinMemory() {
        // 3 million note-ons in running status (3 bytes each): a 9 MB file, over the event cap.
        int notes = 3_000_000;
        byte[] body = new byte[4 + notes * 3];
        body[0] = 0;
        body[1] = (byte) 0x90;
        body[2] = 60;
        body[3] = 100;
        for (int i = 1; i < notes; i++) {
            body[4 + (i - 1) * 3] = 0;       // delta
            body[5 + (i - 1) * 3] = 60;      // key
            body[6 + (i - 1) * 3] = 100;     // velocity
        }
        byte[] f = Smf.file(0, 480, body);
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reason(f));
        assertTrue(reason.contains("too many"), reason);
    }

    @Test
    void refusesZeroTicksPerQuarter() {
        assertTrue(reason(Smf.file(0, 0, Smf.track().end(0).bytes())).contains("0 ticks"));
    }

    @Test
    void refusesFilesOverTheSizeLimitBeforeReadingThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.mid");
        Files.write(file, GOOD);
        MidiFormatException e = assertThrows(MidiFormatException.class,
                () -> MidiReader.read(file, ReadOptions.DEFAULT.withMaxFileBytes(GOOD.length - 1)));
        assertTrue(e.getMessage().startsWith(file.toString() + ": file is "), e.getMessage());
    }

    @Test
    void namesTheFileInTheMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.mid");
        Files.writeString(file, "RIFF....WAVE");
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.read(file));
        assertEquals(file + ": not a MIDI file (no MThd header)", e.getMessage());
    }
}
