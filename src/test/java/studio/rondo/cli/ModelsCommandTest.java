package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.RecipeParameters;
import studio.rondo.midi.MidiReader;
import studio.rondo.models.BundledModels;

/** `rondo models`, `rondo models export` and `generate --model NAME` with the models in assets/models. */
class ModelsCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void listsTheBundledModelsAsJson() throws Exception {
        assertEquals(ExitCodes.OK, run("models", "--json"), err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(2, arr.size(), out.toString());
        assertEquals("piano", arr.get(0).get("name").asText());
        assertEquals("pitch-step-duration", arr.get(0).get("preset").asText());
        assertTrue(arr.get(0).get("default").asBoolean());
        assertEquals("expressive", arr.get(1).get("name").asText());
        assertEquals("velocity-aware", arr.get(1).get("preset").asText());
        var bundled = BundledModels.list();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode m = arr.get(i);
            // The figure shown is the recipe's count at the model's sizes, and the weights the file holds.
            Preset preset = Presets.byId(m.get("preset").asText()).orElseThrow();
            assertEquals(RecipeParameters.of(preset, bundled.get(i).info().hyperparameters(), List.of()), m.get("parameters").asLong(), m.toString());
            assertEquals(ModelStore.load(Path.of(m.get("file").asText())).network().numParams(), m.get("parameters").asLong(), m.toString());
            assertTrue(Files.isRegularFile(Path.of(m.get("file").asText())), m.toString());
            assertTrue(m.get("license").asText().contains("CC BY-SA 3.0 DE") && m.get("license").asText().contains("www.piano-midi.de"), m.toString());
            assertTrue(m.get("title").asText().contains(m.get("preset").asText()), m.toString());
        }
    }

    @Test
    void listsThemAsText() {
        assertEquals(ExitCodes.OK, run("models"), err.toString());
        assertTrue(out.toString().startsWith("piano (default)  Piano (pitch-step-duration "), out.toString());
        assertTrue(out.toString().contains("license: CC BY-SA 3.0 DE"), out.toString());
    }

    /** A first start: a fresh home folder, nothing trained, and the bundled piano model generates. */
    @Test
    void aBundledModelGeneratesInAFreshHome() throws Exception {
        Path home = dir.resolve("home");
        String before = System.getProperty("rondo.home");
        System.setProperty("rondo.home", home.toString());
        try {
            Path f = dir.resolve("piano.mid");
            assertEquals(ExitCodes.OK, run("generate", "--model", "piano", "--length", "50", "--seed", "1", "--out", f.toString()), err.toString());
            assertEquals(50, MidiReader.read(f).notes().size());
            Path g = dir.resolve("expressive.mid");
            assertEquals(ExitCodes.OK, run("generate", "--model", "Expressive", "--length", "30", "--seed", "1", "--out", g.toString()), err.toString());
            assertEquals(30, MidiReader.read(g).notes().size());
        } finally {
            if (before == null) System.clearProperty("rondo.home");
            else System.setProperty("rondo.home", before);
        }
        // Nothing was written to the home folder by generating.
        assertFalse(Files.exists(home) && Stream.of(home.toFile().list()).anyMatch(n -> n.endsWith(".json")), "settings untouched");
    }

    @Test
    void anUnknownNameSaysWhichModelsThereAre() {
        assertEquals(ExitCodes.BAD_INPUT, run("generate", "--model", "organ", "--out", dir.resolve("x.mid").toString()));
        assertTrue(err.toString().contains("no model file or bundled model 'organ'; bundled models: piano, expressive"), err.toString());
    }

    @Test
    void exportWritesALeanCopyAndNeverOverwritesWithoutForce() throws Exception {
        Path source = BundledModels.find("piano").orElseThrow().file();
        Path full = dir.resolve("full.zip");
        Files.copy(source, full);
        Path lean = dir.resolve("lean.zip");
        assertEquals(ExitCodes.OK, run("models", "export", full.toString(), lean.toString()), err.toString());
        assertFalse(ModelStore.hasOptimizerState(lean));
        assertTrue(out.toString().startsWith(lean + ": "), out.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("models", "export", full.toString(), lean.toString()));
        assertTrue(err.toString().contains("exists; use --force to overwrite"), err.toString());
        assertEquals(ExitCodes.OK, run("models", "export", "--force", full.toString(), lean.toString()), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("models", "export", dir.resolve("none.zip").toString(), dir.resolve("o.zip").toString()));
        assertEquals(ExitCodes.OK, run("models", "export", "--help"));
    }

    @Test
    void listsALibraryFolderWithEachModelsFigures() throws Exception {
        java.nio.file.Files.copy(studio.rondo.models.BundledModels.find("piano").orElseThrow().file(), dir.resolve("mine.zip"));
        java.nio.file.Files.writeString(dir.resolve("broken.zip"), "no");
        assertEquals(0, run("models", "--library", dir.toString()));
        String text = out.toString();
        assertTrue(text.contains("mine  pitch-step-duration LSTM 2x256, 19 epochs, best NLL"), text);
        assertTrue(text.contains("broken  unreadable:"), text);
        assertEquals(3, run("models", "--library", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("no such folder"), err.toString());
    }
}
