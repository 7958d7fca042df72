package studio.rondo.engine.encoding;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.model.Preset;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.TempoMap;

/**
 * Round trips, vocabulary sizes and encoding speed on the shared piano-midi.de Mozart set (15
 * sonata movements, with their tempo maps). Skipped when the shared data is missing.
 */
class MozartCorpusTest {
    private static List<Piece> corpus;

    @BeforeAll
    static void load() throws Exception {
        corpus = TestMidi.mozart();
    }

    @Test
    void secondsBasedEncodingsRoundTripEveryNote() {
        for (Piece p : corpus) {
            // decoding lengthens notes shorter than 10 ms (grace notes, trills) to 10 ms
            List<Note> notes = Fixtures.pitched(p).stream().map(n -> atLeast(n, Clamp.MIN_NOTE_SECONDS)).toList();
            for (Encoding enc : List.of(PitchStepDuration.oneHot(), PitchStepDuration.scaled())) {
                NoteMatch.assertSameNotes(notes, enc.decode(enc.encode(p).steps(), DecodeContext.standard()), 1e-3, 1e-3, -1);
            }
            Encoding va = PitchEmbeddingDeltaVelocity.standard();
            NoteMatch.assertSameNotes(notes, va.decode(va.encode(p).steps(), DecodeContext.standard()), 1e-3, -1, 0);
        }
    }

    @Test
    void performanceEventsRoundTripWithin10Ms() {
        Performance enc = new Performance();
        for (Piece p : corpus) {
            var decoded = enc.decode(enc.encode(p).steps(), DecodeContext.standard());
            // ends of keys re-struck while still sounding are cut at the new onset, so only onsets are checked for
            // those; a note shorter than one 10 ms step lasts one step
            List<Note> notes = Fixtures.pitched(p).stream().map(n -> atLeast(n, Performance.SECONDS_PER_STEP)).toList();
            assertEachNoteHasAMatch(p.name(), notes, decoded, 0.005 + 1e-6, 0.005 + 1e-6, restruck(notes));
            assertTrue(decoded.size() <= notes.size());
        }
    }

    @Test
    void quarterBasedEncodingsRoundTripWithinTheGrid() {
        ThreeStream three = ThreeStream.unfitted().fit(corpus);
        ChordTokens chords = ChordTokens.unfitted().fit(corpus);
        for (Piece p : corpus) {
            // onsets within half a grid step; ends within a whole one, as notes shorter than a step last one step
            double tol = halfGridStepSeconds(p.tempoMap(), three.quarterStep()) + 2e-3; // + a tick of rounding
            double endTol = 2 * tol;
            DecodeContext ctx = DecodeContext.standard().withTempoMap(p.tempoMap());
            List<Note> notes = Fixtures.pitched(p);
            List<Note> notTooLong = notes.stream().filter(n -> n.durationTicks() < 8 * p.resolution()).toList();
            for (Encoding enc : List.<Encoding>of(three, chords)) {
                var decoded = enc.decode(enc.encode(p).steps(), ctx);
                NoteMatch.assertOnsetsMatchBothWays(notes, decoded, tol);
                assertEachNoteHasAMatch(p.name() + " " + enc.name(), notTooLong, decoded, tol, endTol, List.of());
            }
        }
    }

    @Test
    void reportsVocabularySizesAndUnknownRateOnAHeldOutPiece() {
        ChordTokens chords = ChordTokens.unfitted().fit(corpus);
        ChordTokens chords2 = ChordTokens.unfitted(12, 8, 8, 2).fit(corpus);
        ThreeStream three = ThreeStream.unfitted().fit(corpus);
        System.out.printf("chord-tokens vocabulary: %d tokens (minCount 1), %d (minCount 2)%n",
                chords.vocabulary().size(), chords2.vocabulary().size());
        System.out.printf("three-stream vocabularies: note %d, offset %d, duration %d%n", three.noteVocabulary().size(),
                three.offsetVocabulary().size(), three.durationVocabulary().size());
        assertTrue(chords.vocabulary().size() > 100, "a piano corpus has well over 100 notes and chords");
        assertEquals(chords.vocabulary(), three.noteVocabulary(), "both name notes and chords the same way");
        assertTrue(three.offsetVocabulary().size() <= 97 && three.durationVocabulary().size() <= 96);

        // held-out piece: fit on the other 14
        ChordTokens fit14 = ChordTokens.unfitted().fit(corpus.subList(0, corpus.size() - 1));
        EncodedPiece held = fit14.encode(corpus.get(corpus.size() - 1));
        int unk = 0;
        for (int c : held.classColumn(ChordTokens.TOKEN)) if (c == 0) unk++;
        System.out.printf("chord-tokens <unk> rate on held-out %s: %.1f %% of %d steps%n",
                corpus.get(corpus.size() - 1).name(), 100.0 * unk / held.length(), held.length());
    }

    @Test
    void everyEncodingEncodesTheWholeSetNoteLevelOnesOneStepPerNote() {
        int notes = corpus.stream().mapToInt(p -> p.notes().size()).sum();
        for (Preset preset : Presets.all()) {
            Encoding enc = preset.newEncoding().fit(corpus);
            long steps = 0;
            for (Piece p : corpus) steps += enc.encode(p).length();
            // One step per note where a step is a note; chords and events group or split notes otherwise.
            if (preset == Presets.TF_TUTORIAL || preset == Presets.PITCH_STEP_DURATION || preset == Presets.VELOCITY_AWARE)
                assertEquals(notes, steps, preset.id());
            else if (preset == Presets.PERFORMANCE) assertTrue(steps >= 2L * notes, preset.id() + ": NOTE_ON and NOTE_OFF per note, " + steps);
            else assertTrue(steps > 0 && steps <= notes, preset.id() + ": " + steps + " steps for " + notes + " notes");
        }
    }

    private static Note atLeast(Note n, double seconds) {
        double end = Math.max(n.endSeconds(), n.startSeconds() + seconds);
        return new Note(n.pitch(), n.velocity(), n.channel(), n.track(), n.startTick(), n.endTick(), n.startSeconds(), end);
    }

    /** Seconds of half a grid step at the slowest tempo of the map. */
    private static double halfGridStepSeconds(TempoMap map, double quarterStep) {
        int slowest = map.changes().stream().mapToInt(TempoMap.Tempo::microsPerQuarter).max().orElseThrow();
        return quarterStep / 2 * slowest / 1e6;
    }

    /** Notes of a key struck again before they end. */
    private static List<Note> restruck(List<Note> notes) {
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Note a = notes.get(i);
            for (int j = i + 1; j < notes.size() && notes.get(j).startSeconds() < a.endSeconds() + 0.01; j++) {
                if (notes.get(j).pitch() == a.pitch()) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    /** Each note has a decoded note of its pitch with onset (and, unless exempt, end) within tolerance. */
    private static void assertEachNoteHasAMatch(String what, List<Note> notes, List<Piece.TimedNote> decoded,
                                                double onsetTol, double endTol, List<Note> endExempt) {
        List<List<Piece.TimedNote>> byPitch = new ArrayList<>();
        for (int p = 0; p < 128; p++) byPitch.add(new ArrayList<>());
        for (Piece.TimedNote d : decoded) byPitch.get(d.pitch()).add(d);
        double[][] starts = new double[128][];
        for (int p = 0; p < 128; p++) {
            byPitch.get(p).sort(java.util.Comparator.comparingDouble(Piece.TimedNote::startSeconds));
            starts[p] = byPitch.get(p).stream().mapToDouble(Piece.TimedNote::startSeconds).toArray();
        }
        var exempt = new java.util.HashSet<>(endExempt);
        for (Note n : notes) {
            boolean checkEnd = !exempt.contains(n);
            List<Piece.TimedNote> same = byPitch.get(n.pitch());
            int i = java.util.Arrays.binarySearch(starts[n.pitch()], n.startSeconds() - onsetTol);
            if (i < 0) i = -i - 1;
            boolean found = false;
            for (; i < same.size() && !found && same.get(i).startSeconds() <= n.startSeconds() + onsetTol; i++) {
                found = !checkEnd || Math.abs(same.get(i).endSeconds() - n.endSeconds()) <= endTol;
            }
            assertTrue(found, what + ": no decoded note for pitch " + n.pitch() + " at " + n.startSeconds() + ".." + n.endSeconds());
        }
    }
}
