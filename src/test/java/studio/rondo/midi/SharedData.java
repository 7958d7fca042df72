package studio.rondo.midi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data (../shared/data, see its README), found through the system property surefire sets. */
final class SharedData {
    private SharedData() {
    }

    /** The folder shared/data/midi, or the test is skipped with a message saying why. */
    static Path midiDir() {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set; shared MIDI data tests skipped");
        Path midi = Path.of(shared, "data", "midi");
        assumeTrue(Files.isDirectory(midi), "no shared MIDI data at " + midi + "; shared MIDI data tests skipped");
        return midi;
    }

    static Path file(String relative) {
        Path f = midiDir().resolve(relative);
        assumeTrue(Files.isRegularFile(f), "shared MIDI file missing: " + f);
        return f;
    }
}
