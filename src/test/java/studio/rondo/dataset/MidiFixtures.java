package studio.rondo.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;
import studio.rondo.music.TempoMap;

/** Small MIDI files written by the tests themselves, and the shared data when it is there. */
public final class MidiFixtures {
    private MidiFixtures() {
    }

    /** A piece of {@code notes} quarter notes at 120 bpm rising from {@code firstPitch}. */
    public static Piece piece(String name, int notes, int firstPitch) {
        List<Piece.TimedNote> timed = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            timed.add(new Piece.TimedNote(firstPitch + i % 24, 80, 0, i * 0.5, i * 0.5 + 0.4));
        }
        return Piece.fromSeconds(name, timed, TempoMap.constant(480, 120));
    }

    public static Path write(Path file, int notes, int firstPitch) throws IOException {
        Files.createDirectories(file.getParent());
        MidiWriter.write(piece(file.getFileName().toString(), notes, firstPitch), file);
        return file;
    }

    public static byte[] bytes(int notes, int firstPitch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiWriter.write(piece("fixture", notes, firstPitch), out);
        return out.toByteArray();
    }

    /** shared/data/midi/piano-midi-de, or the test is skipped with the reason. */
    public static Path pianoMidiDe() {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set; shared data test skipped");
        Path dir = Path.of(shared, "data", "midi", "piano-midi-de");
        assumeTrue(Files.isDirectory(dir), "no shared data at " + dir);
        return dir;
    }
}
