package studio.rondo.engine.generate;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.engine.model.Preset;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Meter;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.PitchRange;
import studio.rondo.music.TempoMap;

/** Generation keeps to the piano, the model's range, the primer's time and the corpus's dynamics. */
class GenerationRespectsMusicTest {
    @TempDir
    Path dir;

    private static Generator generator(Preset p, CorpusProfile profile) {
        return new Generator(new Dl4jStepModel(GenFixtures.net(p), GenFixtures.encoding(p).inputFeatures()), GenFixtures.encoding(p), profile);
    }

    /** 30 eighths: one 4/4 bar, then 3/4; 100 bpm, then 90 bpm from tick 3360 (inside the first 3/4 bar). */
    static Piece meteredPiece() {
        int ppq = 480;
        TempoMap map = new TempoMap(ppq, List.of(new TempoMap.Tempo(0, 600_000), new TempoMap.Tempo(4 * ppq + 3 * ppq, 666_667)));
        List<Note> notes = new ArrayList<>();
        int[] figure = {60, 64, 67, 72, 67, 64};
        for (int i = 0; i < 30; i++) {
            long start = (long) i * ppq / 2, end = start + ppq / 2;
            notes.add(new Note(figure[i % figure.length], 60 + (i * 7) % 40, 0, 0, start, end, map.secondsAt(start), map.secondsAt(end)));
        }
        PieceMetadata meta = PieceMetadata.empty().withTimeSignatures(List.of(new TimeSignature(0, 4, 4), new TimeSignature(4 * ppq, 3, 4)));
        return new Piece("metered", notes, map, meta);
    }

    @Test
    void theSamplerNeverDrawsAMaskedClassWhateverTheDistribution() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + r.nextInt(200);
            float[] p = new float[n];
            boolean[] mask = new boolean[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                p[i] = r.nextInt(5) == 0 ? 0 : (float) Math.pow(r.nextDouble(), 4);
                sum += p[i];
                mask[i] = r.nextInt(3) == 0;
            }
            mask[r.nextInt(n)] = false;
            for (int i = 0; i < n; i++) p[i] /= (float) Math.max(sum, 1e-9);
            double t = new double[] {0, 0.5, 1, 1.7}[trial % 4];
            Sampling s = new Sampling(t, r.nextInt(3) == 0 ? 1 + r.nextInt(20) : 0, r.nextBoolean() ? 1 : 0.05 + 0.9 * r.nextDouble(), trial);
            Sampler sampler = new Sampler(s, trial);
            for (int d = 0; d < 50; d++) {
                int c = sampler.sample(p, mask);
                assertTrue(!mask[c], "drew masked class " + c + " in trial " + trial);
            }
        }
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetStaysInsideTheAskedPitchRange(Preset preset) {
        PitchRange range = new PitchRange(60, 72);
        Generator g = GenFixtures.generator(preset);
        for (long seed = 1; seed <= 6; seed++) {
            var req = GenerationRequest.of(GenFixtures.primer(12), Length.notes(40), Sampling.of(seed).withTemperature(1.5))
                    .withPitchRange(range);
            GenerationResult r = g.generate(req).get(0);
            // Exactly the notes asked for, or fewer at the event limit (an untrained performance network seldom
            // draws a note-on inside the range), never none.
            if (r.lengthReached()) assertEquals(40, r.piece().notes().size(), preset + " seed " + seed);
            else assertEquals(req.length().maxEvents(), r.events(), preset + " seed " + seed + " stopped short of 40 notes");
            assertTrue(r.piece().notes().size() > 0, preset + " generated nothing");
            for (Note n : r.piece().notes()) assertTrue(range.contains(n.pitch()), preset + " seed " + seed + ": pitch " + n.pitch());
        }
    }

    @ParameterizedTest
    @PresetSource(names = {"PITCH_STEP_DURATION", "PERFORMANCE"})
    void withoutARangeTheModelsTrainingRangeHoldsAndWithoutAProfileThePianos(Preset preset) {
        CorpusProfile profile = CorpusProfile.of(GenFixtures.CORPUS);
        PitchRange trained = Generator.modelRange(profile);
        assertEquals(new PitchRange(profile.lowestPitch(), profile.highestPitch()), trained);
        for (long seed = 1; seed <= 4; seed++) {
            var req = GenerationRequest.of(Primer.none(), Length.notes(60), Sampling.of(seed).withTemperature(2));
            for (Note n : generator(preset, profile).generate(req).get(0).piece().notes()) assertTrue(trained.contains(n.pitch()), "pitch " + n.pitch());
            for (Note n : GenFixtures.generator(preset).generate(req).get(0).piece().notes())
                assertTrue(PitchRange.PIANO.contains(n.pitch()), "pitch " + n.pitch());
        }
    }

    @Test
    void aRangeWithNoNoteTheModelKnowsIsRefusedByName() {
        var req = GenerationRequest.of(Primer.none(), Length.notes(5), Sampling.of(1)).withPitchRange(new PitchRange(100, 101));
        var e = assertThrows(IllegalArgumentException.class, () -> GenFixtures.generator(Presets.THREE_STREAM).generate(req));
        assertTrue(e.getMessage().contains("pitch range E7-F7"), e.getMessage());
    }

    @Test
    void pitchRangesParseFromNamesAndNumbersAndStayOnThePiano() {
        assertEquals(PitchRange.PIANO, PitchRange.parse("A0-C8"));
        assertEquals(PitchRange.PIANO, PitchRange.parse("21-108"));
        assertEquals(new PitchRange(36, 91), PitchRange.parse("C2–G6"));
        assertEquals(new PitchRange(49, 70), PitchRange.parse("C#3-Bb4"));
        assertEquals("C2–G6", new PitchRange(36, 91).toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PitchRange.parse("C1-C9")).getMessage().contains("piano"));
        assertThrows(IllegalArgumentException.class, () -> PitchRange.parse("C5-C4"));
        assertThrows(IllegalArgumentException.class, () -> PitchRange.parse("middle"));
    }

    @ParameterizedTest
    @PresetSource(names = {"PITCH_STEP_DURATION", "THREE_STREAM", "PERFORMANCE"})
    void theResultCarriesThePrimersTempoAndMeterAtTheJoin(Preset preset) throws Exception {
        Piece source = meteredPiece();
        Primer primer = Primer.firstNotes(source, 30);
        Generator g = GenFixtures.generator(preset);
        var req = GenerationRequest.of(primer, Length.notes(30), Sampling.of(3));
        for (boolean include : new boolean[] {true, false}) {
            GenerationResult r = g.generate(req.withIncludePrimer(include)).get(0);
            Path f = dir.resolve(preset.id() + include + ".mid");
            MidiWriter.write(r.piece(), f);
            Piece back = MidiReader.read(f);
            long joinTick = back.tempoMap().tickAt(r.joinSeconds());
            // The primer ends in the 3/4 part at 90 bpm: the continuation goes on there.
            assertEquals(666_667, back.tempoMap().microsPerQuarterAt(joinTick), preset + " include " + include);
            TimeSignature sig = Meter.at(back.metadata().timeSignatures(), joinTick);
            assertEquals(List.of(3, 4), List.of(sig.numerator(), sig.denominator()), preset + " include " + include);
            if (include) {
                assertEquals(600_000, back.tempoMap().microsPerQuarterAt(0), "the primer's opening tempo is kept");
                assertEquals(List.of(new TimeSignature(0, 4, 4), new TimeSignature(4 * 480, 3, 4)), back.metadata().timeSignatures());
                assertEquals(2, back.tempoMap().size());
            } else {
                assertEquals(1, back.tempoMap().size(), "one tempo: the one in force at the join");
                // The output starts on a bar line: the join keeps its place in the bar.
                long barTicks = 3 * 480;
                long joinInPrimer = primer.tempoMap().tickAt(primer.notes().get(primer.notes().size() - 1).startSeconds());
                if (preset != Presets.PERFORMANCE) assertEquals(Math.floorMod(joinInPrimer - 4 * 480, barTicks), joinTick, preset.id());
            }
        }
    }

    @Test
    void aMozartPrimersTempoMapAndMeterSurviveIntoTheFile() throws Exception {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "rondo.shared.dir not set; Mozart test skipped");
        Path file = Path.of(shared, "data/midi/piano-midi-de/mozart/mz_311_1.mid");
        assumeTrue(Files.isRegularFile(file), "no shared Mozart data at " + file + "; test skipped");
        Piece piece = MidiReader.read(file);
        Primer primer = Primer.firstNotes(piece, 80);
        assertTrue(primer.tempoMap().size() > 2, "mz_311_1 changes tempo often: " + primer.tempoMap().size());
        GenerationResult r = GenFixtures.generator(Presets.PITCH_STEP_DURATION)
                .generate(GenerationRequest.of(primer, Length.bars(4), Sampling.of(2)).withIncludePrimer(true)).get(0);
        Path f = dir.resolve("mozart.mid");
        MidiWriter.write(r.piece(), f);
        Piece back = MidiReader.read(f);
        long lastPrimerTick = primer.piece().notes().stream().mapToLong(Note::startTick).max().orElseThrow();
        for (long t = 0; t <= lastPrimerTick; t += 60)
            assertEquals(primer.tempoMap().microsPerQuarterAt(t), back.tempoMap().microsPerQuarterAt(t), "tempo at tick " + t);
        TimeSignature original = Meter.at(piece.metadata().timeSignatures(), piece.notes().get(0).startTick());
        TimeSignature kept = Meter.at(back.metadata().timeSignatures(), back.tempoMap().tickAt(r.joinSeconds()));
        assertEquals(List.of(original.numerator(), original.denominator()), List.of(kept.numerator(), kept.denominator()));
    }

    @ParameterizedTest
    @PresetSource(names = {"PITCH_STEP_DURATION", "PERFORMANCE", "CHORD_TOKENS"})
    void lengthInBarsGivesThatManyBars(Preset preset) {
        Generator g = generator(preset, CorpusProfile.of(GenFixtures.CORPUS));
        for (boolean include : new boolean[] {false, true}) {
            Primer primer = Primer.firstNotes(meteredPiece(), 30);
            GenerationResult r = g.generate(GenerationRequest.of(primer, Length.bars(4), Sampling.of(5)).withIncludePrimer(include)).get(0);
            assertTrue(r.lengthReached(), preset.id());
            Piece p = r.piece();
            long joinTick = p.tempoMap().tickAt(r.joinSeconds());
            long barStart = Meter.barStart(p.metadata().timeSignatures(), p.resolution(), joinTick);
            long bar = 3 * 480;
            long end = barStart + 4 * bar;
            long lastStart = 0, lastEnd = 0;
            for (Note n : p.notes()) {
                if (n.startSeconds() < r.joinSeconds() - 1e-9) continue; // the primer
                lastStart = Math.max(lastStart, n.startTick());
                lastEnd = Math.max(lastEnd, n.endTick());
            }
            assertTrue(lastEnd <= end + 1, preset + ": ends by the 4th bar line, " + lastEnd + " > " + end);
            assertTrue(lastStart >= end - bar, preset + ": the 4th bar has notes, last onset " + lastStart + " < " + (end - bar));
            if (!include) assertEquals(0, barStart, "without the primer the output starts on the bar line");
        }
        // No primer: 4/4 at 120 bpm, two bars are 4 s.
        GenerationResult none = g.generate(GenerationRequest.of(Primer.none(), Length.bars(2), Sampling.of(5))).get(0);
        assertEquals(List.of(new TimeSignature(0, 4, 4)), none.piece().metadata().timeSignatures());
        assertEquals(500_000, none.piece().tempoMap().microsPerQuarterAt(0));
        double last = none.piece().notes().stream().mapToDouble(Note::endSeconds).max().orElseThrow();
        double lastOnset = none.piece().notes().stream().mapToDouble(Note::startSeconds).max().orElseThrow();
        assertTrue(last <= 4 + 1e-6 && lastOnset >= 2, preset + ": " + lastOnset + ".." + last);
    }

    @ParameterizedTest
    @PresetSource(names = {"TF_TUTORIAL", "PERFORMANCE", "THREE_STREAM"})
    void stepsAndNotesStayInsideWhatTheCorpusShows(Preset preset) {
        CorpusProfile profile = CorpusProfile.of(GenFixtures.CORPUS);
        for (CorpusProfile pr : new CorpusProfile[] {profile, null}) {
            double maxStep = pr == null ? Generator.FALLBACK_STEP : pr.longestStep();
            double maxDur = pr == null ? Generator.FALLBACK_DURATION : pr.longestDuration();
            for (long seed = 1; seed <= 3; seed++) {
                var r = generator(preset, pr).generate(GenerationRequest.of(Primer.none(), Length.notes(60), Sampling.of(seed).withTemperature(2))).get(0);
                double previous = r.joinSeconds();
                for (Note n : r.piece().notes()) {
                    assertTrue(n.startSeconds() - previous <= maxStep + 1e-6, preset + ": gap " + (n.startSeconds() - previous) + " > " + maxStep);
                    assertTrue(n.durationSeconds() <= maxDur + 1e-6, preset + ": note of " + n.durationSeconds() + " s");
                    previous = n.startSeconds();
                }
            }
        }
    }

    private static long distinctVelocities(Piece p) {
        return p.notes().stream().mapToInt(Note::velocity).distinct().count();
    }

    @Test
    void aVelocityModellingPresetPlaysItsOwnManyVelocities() {
        var r = GenFixtures.generator(Presets.PERFORMANCE).generate(GenerationRequest.of(GenFixtures.primer(12), Length.notes(80), Sampling.of(4))).get(0);
        assertTrue(distinctVelocities(r.piece()) >= 8, "distinct velocities: " + distinctVelocities(r.piece()));
    }

    @Test
    void presetsWithoutVelocityTakeThePrimersDynamicsWithVariation() {
        Primer primer = GenFixtures.primer(24); // velocities 64..94 and 50
        double primerMean = primer.notes().stream().mapToInt(Piece.TimedNote::velocity).average().orElseThrow();
        var r = GenFixtures.generator(Presets.PITCH_STEP_DURATION).generate(GenerationRequest.of(primer, Length.notes(80), Sampling.of(4))).get(0);
        assertTrue(distinctVelocities(r.piece()) >= 10, "distinct velocities: " + distinctVelocities(r.piece()));
        double mean = r.piece().notes().stream().mapToInt(Note::velocity).average().orElseThrow();
        assertEquals(primerMean, mean, 8, "around the primer's level");
    }

    @Test
    void aMarkingSetsTheLevelAndStillVaries() {
        for (String mark : List.of("pp", "mf", "ff")) {
            Dynamics d = Dynamics.parse(mark);
            var r = GenFixtures.generator(Presets.THREE_STREAM).generate(GenerationRequest.of(GenFixtures.primer(12), Length.notes(80), Sampling.of(4))
                    .withDynamics(d)).get(0);
            double mean = r.piece().notes().stream().mapToInt(Note::velocity).average().orElseThrow();
            assertEquals(d.level(), mean, 6, mark);
            assertTrue(distinctVelocities(r.piece()) >= 8, mark + ": distinct velocities " + distinctVelocities(r.piece()));
        }
        assertEquals(List.of(0, 33, 49, 64, 80, 96, 112), Dynamics.choices().stream().map(Dynamics::level).toList());
        assertThrows(IllegalArgumentException.class, () -> Dynamics.parse("fff"));
    }

    @ParameterizedTest
    @PresetSource(names = {"VELOCITY_AWARE", "PERFORMANCE"})
    void quantizeAtFullStrengthPutsOnsetsOnTheGridAndAtZeroChangesNothing(Preset preset) {
        Generator g = GenFixtures.generator(preset);
        var req = GenerationRequest.of(GenFixtures.primer(12), Length.notes(50), Sampling.of(9)).withIncludePrimer(true);
        GenerationResult plain = g.generate(req).get(0);
        GenerationResult zero = g.generate(req.withQuantize(Quantize.parse("1/16").withStrength(0))).get(0);
        assertEquals(plain.piece().notes(), zero.piece().notes());
        for (String grid : List.of("1/16", "1/8T")) {
            Quantize q = Quantize.parse(grid);
            GenerationResult r = g.generate(req.withQuantize(q)).get(0);
            long step = 480 / q.perQuarter();
            int generated = 0;
            for (Note n : r.piece().notes()) {
                if (n.startSeconds() < r.joinSeconds() - 1e-9) continue;
                generated++;
                assertEquals(0, n.startTick() % step, grid + ": onset " + n.startTick());
            }
            assertTrue(generated >= 50, "the 50 generated notes (and primer notes struck at the join) " + generated);
            boolean offGrid = plain.piece().notes().stream().anyMatch(n -> n.startTick() % step != 0);
            assertTrue(offGrid, "the unquantized result had onsets off the grid (else the test proves nothing)");
        }
        // Half strength moves each onset halfway.
        GenerationResult half = g.generate(req.withQuantize(Quantize.parse("1/16").withStrength(0.5))).get(0);
        assertNotEquals(plain.piece().notes(), half.piece().notes());
    }
}
