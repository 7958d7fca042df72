package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;

class PerformanceTest {
    private final Performance enc = new Performance();

    @Test
    void vocabularyHas388EventsInMagentasOrder() {
        assertEquals(388, enc.inputFeatures());
        assertEquals("NOTE_ON_0", Performance.eventName(0));
        assertEquals("NOTE_OFF_127", Performance.eventName(255));
        assertEquals("TIME_SHIFT_1", Performance.eventName(256));
        assertEquals("TIME_SHIFT_100", Performance.eventName(355));
        assertEquals("VELOCITY_31", Performance.eventName(387));
        assertEquals(388, enc.spec().vocabularies().get("event").size());
    }

    @Test
    void roundTripKeepsOnsetsAndEndsWithin10MsAndVelocitiesWithinTheirBin() {
        Piece piece = Fixtures.mixedWithTempoChanges(); // triplets at 90 bpm fall between 10 ms steps
        var notes = enc.decode(enc.encode(piece).steps(), DecodeContext.standard());
        NoteMatch.assertSameNotes(Fixtures.pitched(piece), notes, 0.005 + 1e-9, 0.005 + 1e-9, Performance.BIN_WIDTH / 2);
    }

    @Test
    void gapsLongerThanOneSecondBecomeSeveralTimeShifts() {
        Piece p = piece(note(60, 0, 0.1, 80), note(62, 2.6, 0.1, 80));
        List<String> events = names(enc.encode(p));
        assertEquals(List.of("VELOCITY_19", "NOTE_ON_60", "TIME_SHIFT_10", "NOTE_OFF_60",
                "TIME_SHIFT_100", "TIME_SHIFT_100", "TIME_SHIFT_50", "NOTE_ON_62", "TIME_SHIFT_10", "NOTE_OFF_62"), events);
    }

    @Test
    void velocityEventOnlyWhenTheBinChanges() {
        // 78 and 80 share bin 19 (77..80); 90 is bin 22
        Piece p = piece(note(60, 0, 0.5, 80), note(64, 0, 0.5, 78), note(67, 0, 0.5, 90));
        List<String> events = names(enc.encode(p));
        assertEquals(List.of("VELOCITY_19", "NOTE_ON_60", "NOTE_ON_64", "VELOCITY_22", "NOTE_ON_67",
                "TIME_SHIFT_50", "NOTE_OFF_60", "NOTE_OFF_64", "NOTE_OFF_67"), events);
    }

    @Test
    void aKeyStruckAgainWhileSoundingIsReleasedAtTheNewOnset() {
        Piece p = piece(note(60, 0, 1.0, 80), note(60, 0.5, 1.0, 80));
        var notes = enc.decode(enc.encode(p).steps(), DecodeContext.standard());
        assertEquals(2, notes.size());
        assertEquals(0.5, notes.get(0).endSeconds(), 1e-9);
        assertEquals(1.5, notes.get(1).endSeconds(), 1e-9);
    }

    @Test
    void repeatedNotesThatTouchKeepTheirLengths() {
        // the first C4 ends exactly when the second starts: its NOTE_OFF must come before the new NOTE_ON
        Piece p = piece(note(60, 0, 0.5, 80), note(60, 0.5, 0.5, 80));
        var notes = enc.decode(enc.encode(p).steps(), DecodeContext.standard());
        NoteMatch.assertSameNotes(p.notes(), notes, 1e-9, 1e-9, Performance.BIN_WIDTH / 2);
    }

    @Test
    void decodingIgnoresStrayNoteOffsAndClosesNotesStillHeldAtTheEnd() {
        List<Step> steps = List.of(Step.ofClasses(Performance.NOTE_OFF + 50), Step.ofClasses(-1), Step.ofClasses(388), Step.ofClasses(Performance.VELOCITY + 31),
                Step.ofClasses(Performance.NOTE_ON + 60), Step.ofClasses(Performance.NOTE_ON + 64),
                Step.ofClasses(Performance.TIME_SHIFT + 19));
        var notes = enc.decode(steps, DecodeContext.standard());
        assertEquals(2, notes.size());
        assertEquals(0.2, notes.get(0).endSeconds(), 1e-9);
        assertEquals(127, notes.get(0).velocity());
        // a NOTE_ON right at the end still gets one 10 ms step
        var last = enc.decode(List.of(Step.ofClasses(Performance.NOTE_ON + 60)), DecodeContext.standard());
        assertEquals(0.01, last.get(0).endSeconds(), 1e-9);
    }

    private static Note note(int pitch, double start, double dur, int velocity) {
        var map = Fixtures.TEMPO_120;
        return new Note(pitch, velocity, 0, 0, map.tickAt(start), map.tickAt(start + dur), start, start + dur);
    }

    private static Piece piece(Note... notes) {
        return new Piece("p", new ArrayList<>(List.of(notes)), Fixtures.TEMPO_120, PieceMetadata.empty());
    }

    private static List<String> names(EncodedPiece e) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < e.length(); t++) out.add(Performance.eventName(e.classAt(0, t)));
        return out;
    }
}
