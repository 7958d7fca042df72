package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiImportTest {
    static final byte[] GOOD = Smf.file(0, 480, Smf.track().on(0, 0, 60, 80).off(480, 0, 60).end(0).bytes());

    @Test
    void readsFoldersRecursivelyInOrderAndReportsBadFilesWithoutStopping(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/deeper"));
        Files.write(dir.resolve("b/deeper/z.MIDI"), GOOD);
        Files.write(dir.resolve("b/a.mid"), GOOD);
        Files.writeString(dir.resolve("b/broken.mid"), "MThd but not really");
        Files.writeString(dir.resolve("b/notes.txt"), "not a MIDI file and not picked up");
        Files.write(dir.resolve("c.mid"), GOOD);

        List<MidiImport.Result> results = MidiImport.readAll(List.of(dir.resolve("c.mid"), dir.resolve("b"),
                dir.resolve("missing.mid")), ReadOptions.DEFAULT);

        assertEquals(List.of("c.mid", "a.mid", "broken.mid", "z.MIDI", "missing.mid"),
                results.stream().map(r -> r.file().getFileName().toString()).toList());
        assertEquals(List.of(true, true, false, true, false), results.stream().map(MidiImport.Result::ok).toList());
        assertTrue(results.get(2).error().startsWith(dir.resolve("b/broken.mid") + ": "), results.get(2).error());
        assertEquals(dir.resolve("missing.mid") + ": no such file", results.get(4).error());
        assertEquals("a", results.get(1).piece().name());
        assertFalse(results.get(3).piece().notes().isEmpty());
    }
}
