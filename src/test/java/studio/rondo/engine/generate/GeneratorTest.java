package studio.rondo.engine.generate;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.rondo.engine.model.Preset;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

class GeneratorTest {

    private static GenerationResult one(Preset preset, Primer primer, Length length, Sampling sampling) {
        return GenFixtures.generator(preset).generate(GenerationRequest.of(primer, length, sampling)).get(0);
    }

    /** What a listener hears: pitch, velocity and ticks of every note. */
    private static List<String> notes(Piece p) {
        return p.notes().stream().map(n -> n.pitch() + "/" + n.velocity() + "@" + n.startTick() + "-" + n.endTick()).toList();
    }

    private static List<String> onsets(Piece p) {
        return p.notes().stream().map(n -> n.pitch() + "/" + n.velocity() + "@" + n.startTick()).sorted().toList();
    }

    private static void assertPlayable(Piece p) {
        for (Note n : p.notes()) {
            assertTrue(n.startSeconds() >= 0 && n.endSeconds() > n.startSeconds(), n.toString());
            assertTrue(n.endTick() > n.startTick(), n.toString());
            assertTrue(n.velocity() >= 1 && n.velocity() <= 127, n.toString());
            assertTrue(n.pitch() >= 0 && n.pitch() <= 127, n.toString());
        }
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetGeneratesPlayableNotesThatSurviveAMidiFile(Preset preset, @TempDir Path dir) throws Exception {
        for (Primer primer : List.of(GenFixtures.primer(20), Primer.none())) {
            GenerationResult r = one(preset, primer, Length.notes(30), Sampling.of(11));
            assertTrue(r.lengthReached(), preset + " stopped at the event limit");
            Piece p = r.piece();
            assertEquals(30, p.notes().size(), preset.id());
            assertEquals(30, r.stats().notes());
            assertPlayable(p);
            Path file = dir.resolve(preset.id() + (primer.isEmpty() ? "-none" : "") + ".mid");
            MidiWriter.write(p, file);
            Piece back = MidiReader.read(file);
            // Same onsets, pitches and velocities; MIDI cannot say which release ends which of two
            // overlapping notes of one key, so only their ends may pair differently.
            assertEquals(onsets(p), onsets(back), preset + ": the written file reads back with the same notes");
        }
    }

    @Test
    void theSameSeedGivesTheSameNotesAndAnotherSeedOthers() {
        Primer primer = GenFixtures.primer(16);
        var a = one(Presets.PITCH_STEP_DURATION, primer, Length.events(40), Sampling.of(5));
        var b = one(Presets.PITCH_STEP_DURATION, primer, Length.events(40), Sampling.of(5));
        var c = one(Presets.PITCH_STEP_DURATION, primer, Length.events(40), Sampling.of(6));
        assertEquals(notes(a.piece()), notes(b.piece()));
        assertNotEquals(notes(a.piece()), notes(c.piece()));
        var p1 = one(Presets.PERFORMANCE, primer, Length.events(80), Sampling.of(5));
        var p2 = one(Presets.PERFORMANCE, primer, Length.events(80), Sampling.of(5));
        assertEquals(notes(p1.piece()), notes(p2.piece()));
    }

    @Test
    void temperatureZeroIsDeterministicWhateverTheSeed() {
        Primer primer = GenFixtures.primer(16);
        var a = one(Presets.THREE_STREAM, primer, Length.events(30), Sampling.of(1).withTemperature(0));
        var b = one(Presets.THREE_STREAM, primer, Length.events(30), Sampling.of(2).withTemperature(0));
        assertEquals(notes(a.piece()), notes(b.piece()));
    }

    @Test
    void lengthInEventsIsExact() {
        var r = one(Presets.PERFORMANCE, GenFixtures.primer(10), Length.events(57), Sampling.of(3));
        assertEquals(57, r.events());
        assertTrue(r.lengthReached());
    }

    @Test
    void lengthInSecondsCutsAtTheEnd() {
        // Untrained performance networks draw TIME_SHIFTs often, so time advances.
        var r = one(Presets.PERFORMANCE, GenFixtures.primer(10), Length.seconds(3), Sampling.of(3));
        assertTrue(r.lengthReached());
        assertTrue(r.piece().notes().size() > 0);
        // The output starts on the bar line before the join: seconds count from the join.
        double join = r.joinSeconds();
        for (Note n : r.piece().notes())
            assertTrue(n.startSeconds() >= join - 1e-9 && n.startSeconds() < join + 3 && n.endSeconds() <= join + 3 + 1e-6, n.toString());
        assertPlayable(r.piece());
    }

    @Test
    void generationStopsAtTheEventLimitWhenTheLengthIsOutOfReach() {
        // 25 performance events advance time by at most 25 s: 1000 s cannot be reached.
        var r = one(Presets.PERFORMANCE, Primer.none(), Length.seconds(1000).withMaxEvents(25), Sampling.of(1));
        assertEquals(25, r.events());
        assertFalse(r.lengthReached());
    }

    @Test
    void outputWithAndWithoutThePrimer() {
        Primer primer = GenFixtures.primer(20);
        var req = GenerationRequest.of(primer, Length.notes(25), Sampling.of(8));
        Generator g = GenFixtures.generator(Presets.PITCH_STEP_DURATION);
        var without = g.generate(req).get(0);
        var with = g.generate(req.withIncludePrimer(true)).get(0);
        assertEquals(25, without.piece().notes().size());
        assertEquals(45, with.piece().notes().size());
        // The primer comes first, note for note; the generated notes follow its last onset.
        double lastPrimerOnset = primer.notes().get(primer.notes().size() - 1).startSeconds();
        List<String> head = new ArrayList<>(), expected = new ArrayList<>();
        for (Note n : with.piece().notes()) if (n.startSeconds() < lastPrimerOnset - 1e-6) head.add(n.pitch() + "@" + Math.round(n.startSeconds() * 1000));
        for (Piece.TimedNote n : primer.notes()) if (n.startSeconds() < lastPrimerOnset - 1e-6) expected.add(n.pitch() + "@" + Math.round(n.startSeconds() * 1000));
        assertEquals(expected, head);
        assertEquals(without.stats(), with.stats(), "stats describe the generated part either way");
    }

    @Test
    void variationsDifferAndTheFirstMatchesASingleRun() {
        Generator g = GenFixtures.generator(Presets.TF_TUTORIAL);
        var req = GenerationRequest.of(GenFixtures.primer(10), Length.events(30), Sampling.of(21));
        List<GenerationResult> three = g.generate(req.withVariations(3));
        assertEquals(3, three.size());
        assertEquals(notes(g.generate(req).get(0).piece()), notes(three.get(0).piece()));
        assertNotEquals(notes(three.get(1).piece()), notes(three.get(2).piece()));
        assertEquals(21, three.get(0).seed());
        assertNotEquals(three.get(1).seed(), three.get(2).seed());
    }

    @Test
    void reportsProgressAndCancelsBetweenSteps() {
        Generator g = GenFixtures.generator(Presets.VELOCITY_AWARE);
        var req = GenerationRequest.of(GenFixtures.primer(10), Length.events(100), Sampling.of(2)).withVariations(2);
        List<GenerationListener.Progress> seen = new ArrayList<>();
        g.generate(req, seen::add, () -> false);
        assertEquals(1.0, seen.get(seen.size() - 1).overall(), 1e-9);
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i).overall() >= seen.get(i - 1).overall());
        List<GenerationListener.Progress> before = new ArrayList<>();
        assertThrows(CancellationException.class, () -> g.generate(req, before::add, () -> before.size() >= 2));
        assertEquals(2, before.size());
        assertEquals(32, before.get(1).events());
    }

    @Test
    void aPrimerWithoutNotesIsRefused() {
        Piece empty = new Piece("empty", List.of(), GenFixtures.CORPUS.get(0).tempoMap(), GenFixtures.CORPUS.get(0).metadata());
        assertThrows(IllegalArgumentException.class, () -> Primer.firstNotes(empty, 10));
        assertThrows(IllegalArgumentException.class, () -> Primer.ofNotes("sel", List.of(), 120));
    }

    @Test
    void aRangePrimerKeepsTheNotesStartingInTheRangeMovedToTheStartOfTheirBar() {
        Piece piece = GenFixtures.CORPUS.get(0); // 120 bpm, 4/4: bars of 2 s
        Primer p = Primer.range(piece, 3.0, 5.0);
        long inRange = piece.notes().stream().filter(n -> n.startSeconds() >= 3.0 && n.startSeconds() < 5.0).count();
        assertEquals(inRange, p.notes().size());
        assertEquals(1.0, p.notes().get(0).startSeconds(), 1e-9, "3 s is 1 s into the bar starting at 2 s");
        assertTrue(p.notes().stream().allMatch(n -> n.startSeconds() < 3.0), p.notes().toString());
        assertEquals(120, p.bpm(), 1e-6);
    }

    @Test
    void aSelectionPrimerStartsAtZeroAtItsTempo() {
        Primer p = Primer.ofNotes("sel", List.of(new Piece.TimedNote(64, 90, 0, 12.5, 13), new Piece.TimedNote(60, 70, 0, 12, 12.5)), 90);
        assertEquals(60, p.notes().get(0).pitch());
        assertEquals(0, p.notes().get(0).startSeconds(), 1e-12);
        assertEquals(90, p.bpm(), 1e-3);
        assertEquals(90, p.velocity());
        var r = one(Presets.CHORD_TOKENS, p, Length.notes(10), Sampling.of(4));
        assertEquals(666_667, r.piece().tempoMap().microsPerQuarterAt(0));
    }
}
