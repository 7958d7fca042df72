package studio.rondo.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sound.midi.Soundbank;
import studio.rondo.app.SettingsStore;

/**
 * The sounds the studio plays and renders with: the SoundFont the user chose (remembered in the
 * settings), loaded once and kept while the file stays the same, or the built-in sounds. The window's
 * exports and the command line's {@code render} and {@code generate --wav} take their renderers here.
 */
public final class SoundService {
    private final SettingsStore settings; // null: choices are not remembered
    private Path loadedFile;
    private FileTime loadedStamp;
    private Soundbank loaded;

    /** @param settings where the SoundFont choice is remembered, or null */
    public SoundService(SettingsStore settings) {
        this.settings = settings;
    }

    /** The chosen SoundFont's file, if one was chosen (it may have gone since). */
    public Optional<Path> chosenFile() {
        return settings == null ? Optional.empty() : SoundFonts.remembered(settings);
    }

    /** Uses a SoundFont from now on and remembers it; a file that does not load changes nothing. */
    public synchronized Soundbank choose(Path file) throws SoundFontException {
        Soundbank bank = load(file);
        if (settings != null) SoundFonts.remember(settings, file);
        return bank;
    }

    /** Back to the built-in sounds, remembered. */
    public synchronized void useBuiltIn() {
        if (settings != null) SoundFonts.remember(settings, null);
    }

    /**
     * The chosen SoundFont, loaded (once per version of the file); empty for the built-in sounds, or
     * when the chosen file no longer loads, which {@code problem} hears in words.
     */
    public synchronized Optional<Soundbank> soundFont(Consumer<String> problem) {
        Optional<Path> file = chosenFile();
        if (file.isEmpty()) return Optional.empty();
        try {
            return Optional.of(load(file.get()));
        } catch (SoundFontException e) {
            problem.accept(e.getMessage() + "; using the built-in sounds");
            return Optional.empty();
        }
    }

    /** A renderer with the chosen sounds (see {@link #soundFont}). */
    public WavRenderer renderer(Consumer<String> problem) {
        return new WavRenderer(soundFont(problem).orElse(null));
    }

    /** A renderer with this SoundFont, which must load (a file the user named for this one job). */
    public WavRenderer renderer(Path soundFont) throws SoundFontException {
        return new WavRenderer(load(soundFont));
    }

    private synchronized Soundbank load(Path file) throws SoundFontException {
        FileTime stamp = stamp(file);
        if (loaded != null && file.equals(loadedFile) && stamp != null && stamp.equals(loadedStamp)) return loaded;
        Soundbank bank = SoundFonts.load(file);
        loaded = bank;
        loadedFile = file;
        loadedStamp = stamp;
        return bank;
    }

    private static FileTime stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
