package studio.rondo.dataset.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dir;

    /** The piano-midi.de mirror of ../shared/data (one folder per composer, as the site's zip/NAME.zip), or skipped. */
    private static Path pianoMidiMirror() {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set; the catalog is not checked against the mirror");
        Path mirror = Path.of(shared, "data", "midi", "piano-midi-de");
        assumeTrue(Files.isDirectory(mirror), "no piano-midi.de mirror at " + mirror);
        return mirror;
    }

    private static boolean fromPianoMidiDe(CatalogEntry e) {
        return e.uri().getHost().equals("www.piano-midi.de");
    }

    @Test
    void thePianoMidiDeEntriesAreTheSitesComposersOneZipEach() throws IOException {
        List<String> composers;
        try (Stream<Path> dirs = Files.list(pianoMidiMirror())) {
            composers = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        List<CatalogEntry> site = Catalog.builtIn().entries().stream().filter(CatalogTest::fromPianoMidiDe).toList();
        // The site names each composer's zip after the composer's folder: the same names, each once.
        List<String> zips = site.stream().map(e -> e.uri().getPath().replaceFirst("^/zip/(.+)\\.zip$", "$1")).sorted().toList();
        assertEquals(composers, zips);
        for (CatalogEntry e : site) {
            String composer = e.uri().getPath().replaceFirst("^/zip/(.+)\\.zip$", "$1");
            assertEquals("http://www.piano-midi.de/zip/" + composer + ".zip", e.url());
            assertEquals("piano-midi-de-" + composer, e.id());
            assertEquals("piano-midi-de/" + composer, e.folder(), "laid out as the mirror is");
            assertTrue(e.title().endsWith(" (piano-midi.de)"), e.title());
            assertNull(e.expectedBytes(), "piano-midi.de publishes no sizes: " + e.id());
            assertNull(e.sha256(), "nor checksums: " + e.id());
        }
    }

    @Test
    void thePianoMidiDeEntriesCarryTheLicenseTheDataSaysItHas() throws IOException {
        // ../shared/data/README.md: "- License: CC BY-SA 3.0 DE. Attribution: "Bernd Krueger, Source: www.piano-midi.de"."
        String readme = Files.readString(pianoMidiMirror().getParent().getParent().resolve("README.md"));
        Matcher m = Pattern.compile("License: (CC [A-Z-]+ [0-9.]+(?: [A-Z]{2})?)\\. Attribution: \"([^\"]+)\"").matcher(readme);
        assertTrue(m.find(), "the data's README states a license and attribution");
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            if (!fromPianoMidiDe(e)) continue;
            assertEquals(m.group(1), e.license(), e.id());
            assertEquals(m.group(2), e.attribution(), e.id());
        }
    }

    @Test
    void everyLicenseLinksToTheCreativeCommonsDeedItNames() {
        // "CC BY-SA 3.0 DE" -> creativecommons.org/licenses/by-sa/3.0/de/, "CC BY-NC-SA 4.0" -> .../by-nc-sa/4.0/
        Pattern cc = Pattern.compile("CC ([A-Z-]+) ([0-9.]+)(?: ([A-Z]{2}))?");
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            Matcher m = cc.matcher(e.license());
            assertTrue(m.matches(), e.id() + ": " + e.license());
            String deed = "https://creativecommons.org/licenses/" + m.group(1).toLowerCase(Locale.ROOT) + "/" + m.group(2) + "/"
                    + (m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT) + "/");
            assertTrue(e.licenseUrl().startsWith(deed), e.id() + ": " + e.licenseUrl() + " is not " + deed);
        }
    }

    @Test
    void maestrosIdFolderAndArchiveNameTheSameVersion() {
        List<CatalogEntry> maestro = Catalog.builtIn().entries().stream().filter(e -> e.id().startsWith("maestro-")).toList();
        assertEquals(1, maestro.size());
        CatalogEntry e = maestro.get(0);
        // Magenta's layout: datasets/maestro/vX.Y.Z/maestro-vX.Y.Z-midi.zip
        Matcher m = Pattern.compile("https://storage\\.googleapis\\.com/magentadata/datasets/maestro/v(\\d+)\\.(\\d+)\\.(\\d+)/maestro-v\\1\\.\\2\\.\\3-midi\\.zip")
                .matcher(e.url());
        assertTrue(m.matches(), e.url());
        assertEquals("maestro-v" + m.group(1) + "-midi", e.id());
        assertEquals("maestro-v" + m.group(1) + "." + m.group(2) + "." + m.group(3), e.folder());
        assertTrue(e.title().startsWith("MAESTRO v" + m.group(1) + "." + m.group(2) + "." + m.group(3) + " "), e.title());
        assertTrue(e.expectedBytes() != null, "Magenta publishes the size: it is checked");
    }

    @Test
    void noEntryDownloadsIntoAnothersFolder() {
        List<CatalogEntry> all = Catalog.builtIn().entries();
        for (CatalogEntry a : all)
            for (CatalogEntry b : all)
                if (a != b) assertFalse((b.folder() + "/").startsWith(a.folder() + "/"), a.folder() + " holds " + b.folder());
        assertTrue(Catalog.builtIn().find("PIANO-MIDI-DE-MOZART").isPresent(), "ids are found whatever their case");
        assertTrue(Catalog.builtIn().find("nothing").isEmpty());
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
        assertEquals(Catalog.builtIn().entries(), Catalog.configured().entries(), "the built-in one again without the property");
    }
}
