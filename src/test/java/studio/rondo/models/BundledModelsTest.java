package studio.rondo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledModelsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(BundledModels.DIR_PROPERTY);
    }

    @Test
    void findsTheModelsOfTheSourceTree() {
        Path found = BundledModels.directory().orElseThrow();
        assertTrue(found.endsWith(Path.of("assets", "models")), "the source tree first when running from target/classes: " + found);
        List<BundledModel> models = BundledModels.list();
        assertEquals(List.of("piano", "expressive"), models.stream().map(BundledModel::name).toList());
        BundledModel piano = BundledModels.defaultModel(models).orElseThrow();
        assertEquals("piano", piano.name());
        assertTrue(piano.title().startsWith("Piano (pitch-step-duration "), piano.title());
        assertEquals("velocity-aware", BundledModels.find("EXPRESSIVE").orElseThrow().preset());
    }

    @Test
    void thePropertyChoosesTheFolderAndBrokenEntriesAreLeftOut() throws Exception {
        Path source = BundledModels.find("piano").orElseThrow().file();
        Files.copy(source, dir.resolve("a.zip"));
        Files.writeString(dir.resolve("broken.zip"), "not a zip");
        Files.writeString(dir.resolve(BundledModels.INDEX), """
                {"models": [
                  {"name": "missing", "file": "nowhere.zip"},
                  {"name": "broken", "file": "broken.zip", "default": true},
                  {"name": "a", "file": "a.zip", "label": "A", "description": "d", "license": "l", "future": 1}
                ]}""");
        System.setProperty(BundledModels.DIR_PROPERTY, dir.toString());
        assertEquals(dir.toAbsolutePath().normalize(), BundledModels.directory().orElseThrow());
        List<BundledModel> models = BundledModels.list();
        assertEquals(1, models.size());
        assertEquals("A (pitch-step-duration", models.get(0).title().substring(0, 22));
        assertEquals("a", BundledModels.defaultModel(models).orElseThrow().name(), "the first when no entry is both default and usable");

        System.setProperty(BundledModels.DIR_PROPERTY, dir.resolve("none").toString());
        assertTrue(BundledModels.directory().isEmpty());
        assertTrue(BundledModels.list().isEmpty());
    }
}
