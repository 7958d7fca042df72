package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/** The reader on real files: the piano-midi.de corpus and the awkward edge files. */
class SharedMidiDataTest {
    @Test
    void readsEveryFileOfTheSharedData() {
        List<MidiImport.Result> results = MidiImport.readAll(List.of(SharedData.midiDir()), ReadOptions.DEFAULT);
        assertTrue(results.size() >= 270, "expected the 267 piano-midi.de files and the edge files, found " + results.size());
        String errors = results.stream().filter(r -> !r.ok()).map(MidiImport.Result::error).collect(Collectors.joining("\n"));
        assertEquals("", errors);
        for (MidiImport.Result r : results) {
            if (r.file().toString().contains("piano-midi-de")) {
                Piece p = r.piece();
                assertEquals(480, p.resolution(), r.file().toString());
                assertTrue(p.notes().size() > 100, r.file() + " has only " + p.notes().size() + " notes");
                assertTrue(p.tempoMap().size() > 10, r.file() + ": the dense tempo map was not read");
            }
        }
    }

    @Test
    void readsMozartKv311SecondMovementTheSameFromBothEncodings() throws Exception {
        Piece tracks = MidiReader.read(SharedData.file("piano-midi-de/mozart/mz_311_2.mid"));
        Piece single = MidiReader.read(SharedData.file("edge/pmd_singletrack_pedal_mz_311_2.mid"));
        assertEquals(1659, tracks.notes().size());
        assertEquals(1659, single.notes().size());
        assertEquals(3, tracks.metadata().trackNames().size() - 1, "conductor track plus three instrument tracks");
        assertEquals(1, single.metadata().trackNames().size());
        assertTrue(single.metadata().sustainEvents().size() > 100, "the single-track file carries the pedal");
        for (int i = 0; i < 1659; i++) {
            Note a = tracks.notes().get(i);
            Note b = single.notes().get(i);
            assertEquals(a.pitch(), b.pitch(), "pitch of note " + i);
            assertEquals(a.startTick(), b.startTick(), "onset tick of note " + i);
            assertEquals(a.endTick(), b.endTick(), "release tick of note " + i);
            // The two files carry slightly different tempo maps (468 vs 480 tempo events, some
            // rounded differently), so seconds agree within a few microseconds, not exactly.
            assertEquals(a.startSeconds(), b.startSeconds(), 1e-5, "onset seconds of note " + i);
        }
    }

    @Test
    void readsTheFormat0EdgeFile() throws Exception {
        Piece p = MidiReader.read(SharedData.file("edge/tonejs_bach_format0.mid"));
        assertEquals(0, p.metadata().format());
        assertEquals(96, p.resolution());
        assertEquals(1, p.metadata().trackNames().size());
        assertFalse(p.notes().isEmpty());
    }

    @Test
    void skipsTheDrumsOfTheDrumEdgeFileUnlessAsked() throws Exception {
        Path f = SharedData.file("edge/tonejs_beat_drums_ch10.mid");
        assertEquals(0, MidiReader.read(f).notes().size());
        Piece drums = MidiReader.read(f, ReadOptions.DEFAULT.withKeepDrums(true));
        assertTrue(drums.notes().size() > 100);
        assertTrue(drums.notes().stream().allMatch(Note::isDrum));
        assertEquals(120, drums.resolution());
    }
}
