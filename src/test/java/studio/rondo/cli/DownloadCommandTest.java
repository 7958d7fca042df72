package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.dataset.MidiFixtures;
import studio.rondo.dataset.catalog.LocalServer;

class DownloadCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    LocalServer server;
    byte[] zip;

    @BeforeEach
    void serve() throws Exception {
        server = new LocalServer();
        zip = LocalServer.zip("x.mid", MidiFixtures.bytes(4, 60), "y.mid", MidiFixtures.bytes(5, 62));
        server.serve("/x.zip", zip);
        String catalog = "{\"format\":\"rondo-catalog\",\"version\":1,\"entries\":["
                + entry("tiny", "/x.zip", zip.length) + "," + entry("gone", "/gone.zip", 10) + "]}";
        server.serve("/catalog.json", catalog.getBytes(StandardCharsets.UTF_8));
    }

    private String entry(String id, String path, long size) {
        return "{\"id\":\"" + id + "\",\"title\":\"Tiny set\",\"license\":\"CC BY-SA 3.0 DE\",\"attribution\":\"Somebody\","
                + "\"url\":\"" + server.url(path) + "\",\"expectedBytes\":" + size + ",\"folder\":\"tiny\"}";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void downloadsACorpusAndSaysLicenseAndSizeFirst() throws Exception {
        int code = run("download", "tiny", "--to", dir.toString(), "--catalog", server.url("/catalog.json"));
        assertEquals(0, code, err.toString());
        Path target = dir.resolve("tiny");
        assertEquals(target.toString(), out.toString().trim());
        assertTrue(Files.isRegularFile(target.resolve("x.mid")));
        String log = err.toString();
        assertTrue(log.contains("License: CC BY-SA 3.0 DE (Somebody)"), log);
        assertTrue(log.contains("Size: 0.0 MB (" + String.format("%,d", zip.length) + " bytes)"), log);
        assertTrue(log.contains("100% ("), log);
        assertTrue(log.contains("Done: 2 MIDI files in " + target), log);
    }

    @Test
    void aFailedDownloadExitsWith3AndOneLineAndLeavesNothing() throws Exception {
        int code = run("download", "gone", "--to", dir.toString(), "--catalog", server.url("/catalog.json"));
        assertEquals(ExitCodes.BAD_INPUT, code);
        String last = err.toString().lines().reduce((a, b) -> b).orElse("");
        assertEquals("rondo: The server has no file at " + server.url("/gone.zip") + " (HTTP 404)", last);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void anUnknownNameExitsWith3AndPointsToTheList() {
        assertEquals(ExitCodes.BAD_INPUT, run("download", "nope", "--to", dir.toString(), "--catalog", server.url("/catalog.json")));
        assertTrue(err.toString().contains("no corpus named nope in the catalog; see 'rondo download --list'"), err.toString());
        assertEquals(ExitCodes.USAGE, run("download", "--to", dir.toString()));
    }

    @Test
    void listPrintsTheBuiltInCatalogWithLicensesAndSizes() {
        assertEquals(0, run("download", "--list"));
        String listing = out.toString();
        assertTrue(listing.contains("maestro-v3-midi"), listing);
        assertTrue(listing.contains("58.4 MB (58,416,533 bytes)"), listing);
        assertTrue(listing.contains("piano-midi-de-mozart"), listing);
        assertTrue(listing.contains("license: CC BY-SA 3.0 DE (Bernd Krueger, Source: www.piano-midi.de)"), listing);
        assertFalse(listing.contains("tiny"));
    }
}
