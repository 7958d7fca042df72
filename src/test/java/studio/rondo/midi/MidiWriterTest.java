package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

class MidiWriterTest {
    @TempDir
    Path dir;

    private static Piece fixture() throws MidiFormatException {
        byte[] t0 = Smf.track().name("Sonata").text(0, 0x02, "(c) test").tempo(0, 600_000).meta(0, 0x58, 3, 2, 24, 8)
                .meta(0, 0x59, 2, 0).tempo(300, 450_000).tempo(500, 700_000).end(0).bytes();
        byte[] t1 = Smf.track().name("Piano right").program(0, 0, 0).on(0, 0, 72, 90).on(0, 0, 76, 80).off(240, 0, 72)
                .on(0, 0, 72, 60).off(0, 0, 76).cc(10, 0, 64, 127).on(0, 0, 60, 100).on(100, 0, 60, 90) // re-strike
                .off(50, 0, 60).off(100, 0, 60).off(0, 0, 72).cc(0, 0, 64, 0).end(0).bytes();
        byte[] t2 = Smf.track().name("Piano left").on(5, 1, 36, 70).off(955, 1, 36).on(0, 1, 38, 1).off(1, 1, 38).end(0).bytes();
        return MidiReader.read(Smf.file(1, 480, t0, t1, t2), "fixture", "fixture", ReadOptions.DEFAULT);
    }

    @Test
    void writtenThenReadPieceHasTheSameNotesTempoSignaturesAndTrackNames() throws Exception {
        Piece original = fixture();
        Path file = dir.resolve("out.mid");
        MidiWriter.write(original, file);
        Piece back = MidiReader.read(file);
        assertSameMusic(original, back);
        assertEquals(original.metadata().copyright(), back.metadata().copyright());
        assertEquals(original.metadata().keySignatures(), back.metadata().keySignatures());
        assertEquals(original.metadata().programChanges(), back.metadata().programChanges());
        assertEquals(original.metadata().sustainEvents(), back.metadata().sustainEvents());
        assertEquals(1, back.metadata().format());
    }

    @Test
    void timeSignaturesChangingMidPieceSurviveAndClickOnTheirBeat() throws Exception {
        TempoMap map = TempoMap.constant(480, 100);
        var sigs = List.of(new PieceMetadata.TimeSignature(0, 3, 4), new PieceMetadata.TimeSignature(3 * 480, 6, 8),
                new PieceMetadata.TimeSignature(6 * 480, 5, 4));
        Piece p = new Piece("meters", List.of(new Note(60, 80, 0, 0, 0, 480, 0, 0.6)), map, PieceMetadata.empty().withTimeSignatures(sigs));
        Path f = dir.resolve("meters.mid");
        MidiWriter.write(p, f);
        assertEquals(sigs, MidiReader.read(f).metadata().timeSignatures());
        assertEquals(24, MidiWriter.clocksPerClick(sigs.get(0)));
        assertEquals(36, MidiWriter.clocksPerClick(sigs.get(1)), "6/8 clicks on the dotted quarter");
        assertEquals(12, MidiWriter.clocksPerClick(new PieceMetadata.TimeSignature(0, 3, 8)));
    }

    @Test
    void roundTripsARealPianoPiece() throws Exception {
        Piece original = MidiReader.read(SharedData.file("piano-midi-de/mozart/mz_311_2.mid"));
        Path file = dir.resolve("mz_311_2.mid");
        MidiWriter.write(original, file);
        assertSameMusic(original, MidiReader.read(file));
    }

    @Test
    void writesAGeneratedPiecePlacedInSeconds() throws Exception {
        TempoMap tempo = TempoMap.constant(480, 100);
        Piece generated = Piece.fromSeconds("gen", List.of(
                new Piece.TimedNote(60, 80, 0, 0.0, 0.6), new Piece.TimedNote(64, 70, 0, 0.6, 1.2)), tempo);
        Path file = dir.resolve("gen.mid");
        MidiWriter.write(generated, file);
        Piece back = MidiReader.read(file);
        assertEquals(2, back.notes().size());
        assertEquals(0.6, back.notes().get(1).startSeconds(), 1e-3);
        assertEquals(100, back.tempoMap().changes().get(0).bpm(), 1e-3);
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keep.mid");
        MidiWriter.write(fixture(), file);
        byte[] before = Files.readAllBytes(file);
        // A resolution no MIDI file can hold makes the writer fail half way.
        Piece unwritable = new Piece("bad", List.of(new Note(60, 80, 0, 0, 0, 10, 0, 0.1)),
                new TempoMap(40_000, List.of()), PieceMetadata.empty());
        assertThrows(IllegalArgumentException.class, () -> MidiWriter.write(unwritable, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void makesASequenceForThePlayer() throws Exception {
        Piece piece = fixture();
        Sequence seq = MidiWriter.toSequence(piece);
        assertEquals(Sequence.PPQ, seq.getDivisionType());
        assertEquals(480, seq.getResolution());
        assertEquals(3, seq.getTracks().length);
        assertTrue(seq.getTickLength() >= piece.lengthTicks());
        assertEquals(piece.durationSeconds(), seq.getMicrosecondLength() / 1e6, 0.01);
    }

    static void assertSameMusic(Piece a, Piece b) {
        assertEquals(a.notes().size(), b.notes().size(), "note count");
        for (int i = 0; i < a.notes().size(); i++) {
            Note x = a.notes().get(i);
            Note y = b.notes().get(i);
            String at = "note " + i + " " + x + " vs " + y;
            assertEquals(x.pitch(), y.pitch(), at);
            assertEquals(x.velocity(), y.velocity(), at);
            assertEquals(x.channel(), y.channel(), at);
            assertEquals(x.track(), y.track(), at);
            assertEquals(x.startTick(), y.startTick(), 1, at);
            assertEquals(x.durationTicks(), y.durationTicks(), 1, at);
            assertEquals(x.startSeconds(), y.startSeconds(), 1e-9, at);
        }
        assertEquals(a.tempoMap().changes(), b.tempoMap().changes());
        assertEquals(a.metadata().timeSignatures(), b.metadata().timeSignatures());
        assertEquals(a.metadata().trackNames(), b.metadata().trackNames());
    }
}
