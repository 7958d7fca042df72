package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import studio.rondo.app.AppInfo;
import studio.rondo.engine.model.Preset;

class RondoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith(AppInfo.NAME + " " + AppInfo.version()), out.toString());
        assertFalse(AppInfo.version().contains("${"), "version is filtered from the pom");
    }

    @Test
    void listsEveryPreset() {
        assertEquals(0, run("presets"));
        for (Preset p : Presets.all()) assertTrue(out.toString().contains(p.id()), p.id());
    }

    @Test
    void listsPresetsAsJson() throws Exception {
        assertEquals(0, run("presets", "--json"));
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(Presets.all().size(), arr.size());
        assertEquals("tf-tutorial", arr.get(0).get("preset").asText());
    }

    @Test
    void unknownCommandExitsWithUsageErrorOnOneLine() {
        assertEquals(ExitCodes.USAGE, run("bogus"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("bogus"));
    }

    @Test
    void badThreadCountIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--threads", "0", "presets"));
    }
}
