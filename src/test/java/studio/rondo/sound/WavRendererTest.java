package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.sound.midi.Sequence;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRendererTest {
    @TempDir
    Path dir;

    @Test
    void writesA44kHzStereo16BitWavAsLongAsThePiecePlusTheTail() throws Exception {
        Path wav = dir.resolve("arpeggio.wav");
        WavRenderer.Result result = new WavRenderer().render(TestPieces.arpeggio(1.0), wav, RenderProgress.none(), () -> false);

        AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
        AudioFormat f = file.getFormat();
        assertEquals(AudioFileFormat.Type.WAVE, file.getType());
        assertEquals(44_100f, f.getSampleRate());
        assertEquals(2, f.getChannels());
        assertEquals(16, f.getSampleSizeInBits());
        assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
        assertFalse(f.isBigEndian());
        assertEquals(3.0, file.getFrameLength() / 44_100.0, 0.01); // 1 s of notes + 2 s tail
        assertEquals(file.getFrameLength(), result.frames());
        assertEquals(44 + 4 * result.frames(), Files.size(wav));
    }

    private static double peakDbfs(float[] samples) {
        double peak = 0;
        for (float v : samples) peak = Math.max(peak, Math.abs(v));
        return 20 * Math.log10(peak * 32768 / 32767.0);
    }

    @Test
    void normalisesThePeakToMinusOneDbfsByDefaultAndLeavesTheLevelWhenAskedNotTo() throws Exception {
        for (int velocity : new int[] {30, 110}) {
            Sequence quiet = TestPieces.piece().note(0, 0.5, 60, velocity).note(0.5, 0.5, 67, velocity).build();
            Path normal = dir.resolve("normal" + velocity + ".wav"), raw = dir.resolve("raw" + velocity + ".wav");
            WavRenderer.Result r = new WavRenderer().render(quiet, normal, RenderProgress.none(), () -> false);
            WavRenderer.Result unscaled = new WavRenderer().withoutNormalization().render(quiet, raw, RenderProgress.none(), () -> false);
            double peak = peakDbfs(TestPieces.samples(normal)), rawPeak = peakDbfs(TestPieces.samples(raw));
            assertEquals(WavRenderer.DEFAULT_PEAK_DBFS, peak, 0.1, "velocity " + velocity + ": normalised peak");
            assertEquals(0, unscaled.gainDb());
            assertEquals(rawPeak + r.gainDb(), peak, 0.1, "the gain reported is the gain applied");
            assertTrue(Math.abs(rawPeak - WavRenderer.DEFAULT_PEAK_DBFS) > 0.5, "the raw render peaks elsewhere: " + rawPeak);
        }
        Path quieter = dir.resolve("minus6.wav");
        new WavRenderer().withNormalization(-6).render(TestPieces.arpeggio(1.0), quieter, RenderProgress.none(), () -> false);
        assertEquals(-6, peakDbfs(TestPieces.samples(quieter)), 0.1);
    }

    @Test
    void isSilentBeforeALateFirstNoteAndSoundsWhileItPlays() throws Exception {
        Path wav = dir.resolve("late.wav");
        new WavRenderer().render(TestPieces.piece().note(1.5, 0.5, 69, 110).build(), wav, RenderProgress.none(), () -> false);
        float[] samples = TestPieces.samples(wav);

        double before = TestPieces.rms(samples, 0.0, 1.45);
        double during = TestPieces.rms(samples, 1.55, 1.95);
        assertTrue(before < 1e-4, "silence before the note, rms " + before);
        assertTrue(during > 0.01, "the note sounds, rms " + during);
        assertEquals(4.0, samples.length / 2 / 44_100.0, 0.01);
    }

    @Test
    void endsAtTheLastNoteOffNotAtATrailingEndOfTrackMarker() {
        Sequence s = TestPieces.piece().note(0, 0.5, 60, 100).endOfTrackAt(600).build();
        assertEquals(0.5 + WavRenderer.DEFAULT_TAIL_SECONDS, new WavRenderer().renderedSeconds(s), 1e-3);
    }

    @Test
    void timesEventsThroughEveryTempoChange() {
        // 120 bpm for the first quarter (0.5 s), then 60 bpm: tick 960 is 0.5 + 1.0 s
        Sequence s = TestPieces.piece().tempo(0, 500_000).tempo(0.5, 1_000_000).note(1.0, 0.5, 60, 100).build();
        var events = WavRenderer.timedEvents(s, SequenceTiming.of(s));
        assertEquals(2, events.size());
        assertEquals(1_500_000, events.get(0).micros());
        assertEquals(2_500_000, events.get(1).micros());
    }

    @Test
    void reportsProgressUpToTheWholeLength() throws Exception {
        List<double[]> calls = new ArrayList<>();
        new WavRenderer().render(TestPieces.arpeggio(2.0), dir.resolve("p.wav"), (done, total) -> calls.add(new double[] {done, total}), () -> false);
        assertTrue(calls.size() >= 4, "about once per second of audio: " + calls.size());
        double[] last = calls.get(calls.size() - 1);
        assertEquals(4.0, last[1], 0.01);
        assertEquals(last[1], last[0], 1e-9);
    }

    @Test
    void cancelStopsAndLeavesNoFileBehind() throws Exception {
        Path wav = dir.resolve("cancelled.wav");
        int[] chunks = {0};
        assertThrows(CancellationException.class, () -> new WavRenderer().render(TestPieces.arpeggio(8.0), wav,
                (done, total) -> chunks[0]++, () -> chunks[0] >= 2));
        assertEquals(2, chunks[0]);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no .wav and no temporary .part file");
        }
    }

    @Test
    void rendersDifferentlyWithFluidR3ThanWithTheBuiltInSounds() throws Exception {
        assumeTrue(Files.isRegularFile(TestPieces.FLUID_R3), "FluidR3_GM.sf2 is not installed (Debian: fluid-soundfont-gm); skipped");
        Sequence piece = TestPieces.arpeggio(1.0);
        Path builtIn = dir.resolve("builtin.wav");
        Path fluid = dir.resolve("fluid.wav");
        new WavRenderer().render(piece, builtIn, RenderProgress.none(), () -> false);
        new WavRenderer(SoundFonts.load(TestPieces.FLUID_R3)).render(piece, fluid, RenderProgress.none(), () -> false);

        float[] a = TestPieces.samples(builtIn), b = TestPieces.samples(fluid);
        assertEquals(a.length, b.length);
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff += (a[i] - b[i]) * (a[i] - b[i]);
        double rmsDiff = Math.sqrt(diff / a.length);
        assertTrue(TestPieces.rms(b, 0.1, 0.9) > 0.005, "FluidR3 sounds");
        assertTrue(rmsDiff > 0.005, "the two renders differ, rms difference " + rmsDiff);
    }

    @Test
    void aCorruptSoundFontIsRefusedByName() throws Exception {
        Path bad = TestPieces.corruptSoundFont(dir);
        SoundFontException e = assertThrows(SoundFontException.class, () -> SoundFonts.load(bad));
        assertTrue(e.getMessage().startsWith("SoundFont " + bad + " cannot be used: not a valid SoundFont"), e.getMessage());
        assertEquals(bad, e.file());
    }

    @Test
    void aMidiFileGivenAsSoundFontIsRefusedInsteadOfPlayingWithTheBuiltInSounds() throws Exception {
        Path midi = dir.resolve("tune.mid");
        javax.sound.midi.MidiSystem.write(TestPieces.arpeggio(1.0), 1, midi.toFile());
        SoundFontException e = assertThrows(SoundFontException.class, () -> SoundFonts.load(midi));
        assertTrue(e.getMessage().contains("not a valid SoundFont"), e.getMessage());
    }

    @Test
    void aMissingSoundFontIsRefusedByName() {
        Path missing = dir.resolve("nowhere.sf2");
        SoundFontException e = assertThrows(SoundFontException.class, () -> SoundFonts.load(missing));
        assertEquals("SoundFont " + missing + " cannot be used: no such file", e.getMessage());
    }
}
