package studio.rondo.dataset.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInCatalogListsEveryPianoMidiComposerAndMaestro() {
        Catalog c = Catalog.builtIn();
        assertEquals(20, c.entries().size());
        CatalogEntry mozart = c.find("piano-midi-de-mozart").orElseThrow();
        assertEquals("http://www.piano-midi.de/zip/mozart.zip", mozart.url());
        assertEquals("CC BY-SA 3.0 DE", mozart.license());
        assertEquals("Bernd Krueger, Source: www.piano-midi.de", mozart.attribution());
        assertEquals("piano-midi-de/mozart", mozart.folder());
        assertNull(mozart.expectedBytes(), "piano-midi.de publishes no sizes");
        CatalogEntry maestro = c.find("MAESTRO-v3-midi").orElseThrow();
        assertEquals(58_416_533L, maestro.expectedBytes());
        assertEquals("CC BY-NC-SA 4.0", maestro.license());
        assertEquals("https://storage.googleapis.com/magentadata/datasets/maestro/v3.0.0/maestro-v3.0.0-midi.zip", maestro.url());
        assertTrue(c.find("piano-midi-de-chopin").isPresent());
        assertTrue(c.find("nothing").isEmpty());
    }

    private static Catalog parse(String json) throws IOException {
        return Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String entry(String id, String folder) {
        return "{\"id\":\"" + id + "\",\"title\":\"T\",\"license\":\"L\",\"url\":\"https://x.org/a.zip\",\"folder\":\"" + folder + "\"}";
    }

    @Test
    void aCatalogWithAnUnsafeFolderAnotherVersionOrTwinIdsIsRefusedWithTheReason() {
        IOException e = assertThrows(IOException.class,
                () -> parse("{\"format\":\"rondo-catalog\",\"version\":1,\"entries\":[" + entry("a", "../up") + "]}"));
        assertTrue(e.getMessage().contains("folder must be a relative path without '..'"), e.getMessage());
        e = assertThrows(IOException.class, () -> parse("{\"format\":\"rondo-catalog\",\"version\":2,\"entries\":[]}"));
        assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
        e = assertThrows(IOException.class,
                () -> parse("{\"format\":\"rondo-catalog\",\"version\":1,\"entries\":[" + entry("a", "x") + "," + entry("a", "y") + "]}"));
        assertTrue(e.getMessage().contains("lists a twice"), e.getMessage());
        e = assertThrows(IOException.class, () -> parse("[1,2"));
        assertTrue(e.getMessage().startsWith("test.json is not a corpus catalog"), e.getMessage());
    }

    @Test
    void aCatalogFileCanReplaceTheBuiltInOne() throws Exception {
        Path f = dir.resolve("catalog.json");
        Files.writeString(f, "{\"format\":\"rondo-catalog\",\"version\":1,\"entries\":[" + entry("mine", "m") + "]}");
        String before = System.getProperty(Catalog.URL_PROPERTY);
        try {
            System.setProperty(Catalog.URL_PROPERTY, f.toUri().toString());
            assertEquals("mine", Catalog.configured().entries().get(0).id());
        } finally {
            if (before == null) System.clearProperty(Catalog.URL_PROPERTY); else System.setProperty(Catalog.URL_PROPERTY, before);
        }
        assertEquals(20, Catalog.configured().entries().size());
    }
}
