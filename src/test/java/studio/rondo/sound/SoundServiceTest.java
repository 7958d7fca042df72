package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.app.SettingsStore;

class SoundServiceTest {

    @Test
    void aChosenSoundFontThatNoLongerLoadsGivesTheBuiltInSoundsAndSaysWhy(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Path broken = Files.writeString(dir.resolve("piano.sf2"), "not a soundfont");
        SoundFonts.remember(store, broken);
        SoundService sounds = new SoundService(store);
        List<String> problems = new ArrayList<>();
        assertTrue(sounds.soundFont(problems::add).isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("piano.sf2") && problems.get(0).contains("built-in"), problems.get(0));
    }

    @Test
    void aFileNamedForOneJobMustLoadAndIsNotRemembered(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SoundService sounds = new SoundService(store);
        Path broken = Files.writeString(dir.resolve("x.sf2"), "RIFF....WAVE");
        assertThrows(SoundFontException.class, () -> sounds.renderer(broken));
        assertThrows(SoundFontException.class, () -> sounds.choose(broken));
        assertTrue(sounds.chosenFile().isEmpty(), "a file that does not load is not remembered");
    }

    @Test
    void loadsTheChosenSoundFontOnceWhileTheFileStaysTheSame(@TempDir Path dir) throws Exception {
        Path sf2 = TestPieces.smallSoundFont(dir);
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SoundService sounds = new SoundService(store);
        var bank = sounds.choose(sf2);
        assertEquals(sf2.toAbsolutePath(), sounds.chosenFile().orElseThrow());
        assertSame(bank, sounds.soundFont(p -> { }).orElseThrow(), "the loaded bank is kept");
        Files.setLastModifiedTime(sf2, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(sounds.soundFont(p -> { }).orElseThrow() != bank, "a changed file is read again");
    }
}
