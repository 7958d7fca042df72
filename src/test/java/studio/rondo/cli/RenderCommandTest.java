package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.app.SettingsStore;
import studio.rondo.sound.SoundFonts;
import studio.rondo.sound.TestPieces;

class RenderCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;
    private Path midi;

    @BeforeEach
    void setUp() throws Exception {
        // Keep the user's remembered SoundFont out of the test.
        previousHome = System.setProperty("rondo.home", dir.resolve("home").toString());
        midi = dir.resolve("tune.mid");
        MidiSystem.write(TestPieces.arpeggio(1.0), 1, midi.toFile());
    }

    @AfterEach
    void tearDown() {
        if (previousHome == null) System.clearProperty("rondo.home");
        else System.setProperty("rondo.home", previousHome);
    }

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void rendersAMidiFileAndSaysWhereItWroteAndHowLong() throws Exception {
        Path wav = dir.resolve("out/tune.wav");
        assertEquals(0, run("render", midi.toString(), "--out", wav.toString()), err.toString());
        assertTrue(Files.size(wav) > 44 + 4 * 44_100 * 2, "about 3 s of audio");
        String said = out.toString();
        assertTrue(said.startsWith("Wrote " + wav.toAbsolutePath() + ": 0:03.0 of audio with the built-in sounds in "), said);
        assertEquals("", err.toString());
    }

    private static double peak(Path wav) throws Exception {
        double peak = 0;
        for (float v : TestPieces.samples(wav)) peak = Math.max(peak, Math.abs(v));
        return 20 * Math.log10(peak * 32768 / 32767.0);
    }

    @Test
    void normalisesToMinusOneDbfsUnlessToldNotTo() throws Exception {
        Path normal = dir.resolve("normal.wav"), raw = dir.resolve("raw.wav");
        assertEquals(0, run("render", midi.toString(), "--out", normal.toString()), err.toString());
        assertTrue(out.toString().contains("normalised to -1 dBFS ("), out.toString());
        assertEquals(0, run("render", midi.toString(), "--no-normalize", "--out", raw.toString()), err.toString());
        assertEquals(-1.0, peak(normal), 0.1);
        assertTrue(Math.abs(peak(raw) + 1.0) > 0.5, "the synthesizer's own level: " + peak(raw));
    }

    @Test
    void refusesToOverwriteAnExistingFileWithoutForce() throws Exception {
        Path wav = dir.resolve("taken.wav");
        Files.writeString(wav, "keep me");
        assertEquals(3, run("render", midi.toString(), "--out", wav.toString()));
        assertEquals("rondo: " + wav + " already exists; add --force to overwrite it" + System.lineSeparator(), err.toString());
        assertEquals("keep me", Files.readString(wav));

        assertEquals(0, run("render", midi.toString(), "--out", wav.toString(), "--force"), err.toString());
        assertTrue(Files.size(wav) > 1000);
    }

    @Test
    void aFileThatIsNotMidiExits3NamingIt() throws Exception {
        Path notMidi = dir.resolve("notes.mid");
        Files.writeString(notMidi, "these are not notes");
        Path wav = dir.resolve("x.wav");
        assertEquals(3, run("render", notMidi.toString(), "--out", wav.toString()));
        String message = err.toString();
        assertTrue(message.startsWith("rondo: " + notMidi + ": not a MIDI file"), message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(Files.exists(wav));
    }

    @Test
    void aBadSoundFontExits3NamingIt() throws Exception {
        Path bad = TestPieces.corruptSoundFont(dir);
        Path wav = dir.resolve("x.wav");
        assertEquals(3, run("render", midi.toString(), "--out", wav.toString(), "--soundfont", bad.toString()));
        assertTrue(err.toString().startsWith("rondo: SoundFont " + bad + " cannot be used"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertFalse(Files.exists(wav));
    }

    @Test
    void usesTheSoundFontRememberedInTheSettings() throws Exception {
        Path sf2 = TestPieces.smallSoundFont(dir);
        SoundFonts.remember(SettingsStore.standard(), sf2);
        assertEquals(0, run("render", midi.toString(), "--out", dir.resolve("x.wav").toString()), err.toString());
        assertTrue(out.toString().contains(" of audio with small.sf2 in "), out.toString());
    }

    @Test
    void aRememberedSoundFontThatNoLongerLoadsFallsBackWithAWarning() throws Exception {
        Path bad = TestPieces.corruptSoundFont(dir);
        SoundFonts.remember(SettingsStore.standard(), bad);
        assertEquals(0, run("render", midi.toString(), "--out", dir.resolve("x.wav").toString()), err.toString());
        assertTrue(err.toString().startsWith("rondo: SoundFont " + bad.toAbsolutePath() + " cannot be used"), err.toString());
        assertTrue(err.toString().contains("using the built-in sounds"), err.toString());
        assertTrue(out.toString().contains(" of audio with the built-in sounds in "), out.toString());
    }

    @Test
    void missingOutOptionIsAUsageError() {
        assertEquals(2, run("render", midi.toString()));
        assertTrue(err.toString().contains("--out"), err.toString());
    }
}
