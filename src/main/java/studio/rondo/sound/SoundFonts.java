package studio.rondo.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import studio.rondo.app.Settings;
import studio.rondo.app.SettingsStore;

/** Loads user SoundFonts (.sf2) and remembers the chosen one in the settings. */
public final class SoundFonts {
    private SoundFonts() {
    }

    /** Parses a SoundFont; large ones (FluidR3, 148 MB) load their samples lazily, so this is quick. */
    public static Soundbank load(Path file) throws SoundFontException {
        if (!Files.isRegularFile(file)) throw new SoundFontException(file, "no such file", null);
        // Java Sound would also take a MIDI or audio file as a "soundbank" and play with its built-in
        // sounds: only RIFF SoundFont 2 (sfbk) and DLS files are SoundFonts.
        String kind = riffKind(file);
        if (!"sfbk".equals(kind) && !"DLS ".equals(kind))
            throw new SoundFontException(file, "not a valid SoundFont (neither SoundFont 2 nor DLS data; a .sf2 file is needed)", null);
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            // Gervill reports corrupt RIFF data as assorted runtime exceptions too.
            throw new SoundFontException(file, "not a valid SoundFont (" + describe(e) + ")", e);
        }
        if (bank == null || bank.getInstruments().length == 0)
            throw new SoundFontException(file, "it contains no instruments", null);
        return bank;
    }

    /** The form type of a RIFF file (bytes 8-11: "sfbk", "DLS ", "WAVE"), or null when it is not RIFF. */
    private static String riffKind(Path file) throws SoundFontException {
        byte[] head = new byte[12];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) return null;
        } catch (IOException e) {
            throw new SoundFontException(file, "cannot be read (" + describe(e) + ")", e);
        }
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.startsWith("RIFF") ? s.substring(8, 12) : null;
    }

    /** The SoundFont the user chose last, if any (the file may have gone since). */
    public static Optional<Path> remembered(SettingsStore store) {
        String path = store.load().soundFont;
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** Remembers a SoundFont for the next run; null goes back to the built-in sounds. */
    public static void remember(SettingsStore store, Path file) {
        Settings settings = store.load();
        settings.soundFont = file == null ? null : file.toAbsolutePath().toString();
        store.save(settings);
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
