package studio.rondo.dataset.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.CancelledException;
import studio.rondo.dataset.Fingerprint;
import studio.rondo.dataset.MidiFixtures;
import studio.rondo.dataset.ProgressListener;

class DownloaderTest {
    @TempDir
    Path base;
    LocalServer server;
    byte[] corpusZip;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        corpusZip = LocalServer.zip(
                "set-1.0/", new byte[0],
                "set-1.0/a.mid", MidiFixtures.bytes(8, 60),
                "set-1.0/deep/b.MIDI", MidiFixtures.bytes(9, 50),
                "set-1.0/LICENSE.txt", "CC BY-SA".getBytes(StandardCharsets.UTF_8),
                "set-1.0/data.csv", "not kept".getBytes(StandardCharsets.UTF_8),
                "__MACOSX/set-1.0/._a.mid", new byte[] {1, 2, 3});
        server.serve("/set.zip", corpusZip);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CatalogEntry entry(String path, Long size, String sha256) {
        return new CatalogEntry("test-set", "Test set", "two pieces", "CC BY-SA 3.0 DE", null, "Tester",
                server.url(path), size, sha256, "sets/test", null);
    }

    private CatalogEntry goodEntry() {
        return entry("/set.zip", (long) corpusZip.length, Fingerprint.sha256(corpusZip));
    }

    /** After a failure the base folder is exactly as before: empty (no target, no parent, no temp files). */
    private void assertNothingLeft() throws IOException {
        try (Stream<Path> s = Files.walk(base)) {
            assertEquals(List.of(base), s.toList());
        }
    }

    @Test
    void downloadsVerifiesAndUnpacksOnlyMidiAndLicenseFilesWithoutTheTopFolder() throws Exception {
        AtomicLong lastBytes = new AtomicLong();
        Path target = new Downloader().download(goodEntry(), base, (done, total, current) -> {
            if (current.startsWith("http")) {
                assertEquals(corpusZip.length, total);
                lastBytes.set(done);
            }
        }, CancellationToken.none());

        assertEquals(base.resolve("sets/test"), target);
        assertEquals(corpusZip.length, lastBytes.get());
        assertTrue(Files.isRegularFile(target.resolve("a.mid")));
        assertTrue(Files.isRegularFile(target.resolve("deep/b.MIDI")));
        assertTrue(Files.isRegularFile(target.resolve("LICENSE.txt")));
        assertTrue(Files.readString(target.resolve("SOURCE.txt")).contains("Attribution: Tester"));
        assertFalse(Files.exists(target.resolve("data.csv")));
        try (Stream<Path> s = Files.list(base.resolve("sets"))) {
            assertEquals(List.of(target), s.toList(), "no temporary file or folder beside the corpus");
        }
    }

    @Test
    void aMissingFileIsReportedWithTheUrlAndStatus() throws Exception {
        CatalogEntry e = entry("/nothing-here.zip", null, null);
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(e, base, ProgressListener.NONE, CancellationToken.none()));
        assertEquals("The server has no file at " + e.url() + " (HTTP 404)", x.getMessage());
        assertNothingLeft();
    }

    @Test
    void aTruncatedBodyIsReportedWithTheBytesReceived() throws Exception {
        byte[] big = new byte[200_000];
        new java.util.Random(1).nextBytes(big);
        server.serveTruncated("/short.zip", big, 50_000);
        CatalogEntry e = entry("/short.zip", null, null);
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(e, base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().startsWith("The download of Test set stopped after "), x.getMessage());
        assertTrue(x.getMessage().contains(" of 200000 bytes"), x.getMessage());
        assertNothingLeft();
    }

    @Test
    void aShorterFileThanTheCatalogSaysIsTruncatedEvenWithoutContentLength() throws Exception {
        server.handle("/chunked.zip", ex -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked: the server does not say the length
            try (OutputStream out = ex.getResponseBody()) {
                out.write(corpusZip);
            }
        });
        CatalogEntry e = entry("/chunked.zip", corpusZip.length + 100L, null);
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(e, base, ProgressListener.NONE, CancellationToken.none()));
        assertEquals("The download of Test set stopped after " + corpusZip.length + " of " + (corpusZip.length + 100) + " bytes",
                x.getMessage());
        assertNothingLeft();
    }

    @Test
    void aServerOfferingAnotherSizeThanTheCatalogIsRefusedBeforeDownloading() throws Exception {
        CatalogEntry e = entry("/set.zip", corpusZip.length + 1L, null);
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(e, base, ProgressListener.NONE, CancellationToken.none()));
        assertEquals("The server offers " + corpusZip.length + " bytes for Test set, but the catalog expects " + (corpusZip.length + 1)
                + "; the file on the server is not the one the catalog describes", x.getMessage());
        assertNothingLeft();
    }

    @Test
    void aChecksumMismatchIsRefused() throws Exception {
        CatalogEntry e = entry("/set.zip", (long) corpusZip.length, "0".repeat(64));
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(e, base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().contains("is damaged or not the published file: its SHA-256 is " + Fingerprint.sha256(corpusZip)),
                x.getMessage());
        assertNothingLeft();
    }

    @Test
    void anArchiveWithAPathLeadingOutIsRefusedWhole() throws Exception {
        server.serve("/slip.zip", LocalServer.zip("good.mid", MidiFixtures.bytes(3, 60), "../../evil.mid", MidiFixtures.bytes(3, 60)));
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(entry("/slip.zip", null, null), base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().contains("contains an unsafe path (../../evil.mid: it leads out of the corpus folder)"), x.getMessage());
        assertNothingLeft();
        assertFalse(Files.exists(base.getParent().resolve("evil.mid")));
        assertFalse(Files.exists(base.getParent().getParent().resolve("evil.mid")));
    }

    @Test
    void anArchiveWithAnAbsolutePathIsRefusedWhole() throws Exception {
        server.serve("/abs.zip", LocalServer.zip("/tmp/abs-evil.mid", MidiFixtures.bytes(3, 60)));
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(entry("/abs.zip", null, null), base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().contains("an absolute path"), x.getMessage());
        assertNothingLeft();
    }

    @Test
    void anArchiveThatUnpacksBeyondTheLimitIsRefused() throws Exception {
        server.serve("/bomb.zip", LocalServer.zip("a.mid", MidiFixtures.bytes(3, 60), "big.mid", new byte[1_000_000]));
        Downloader small = new Downloader(HttpClient.newHttpClient(), new ExtractLimits(1 << 20, 10, 100_000, 10_000_000));
        DownloadException x = assertThrows(DownloadException.class,
                () -> small.download(entry("/bomb.zip", null, null), base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().contains("big.mid, which unpacks to more than 100000 bytes"), x.getMessage());
        assertNothingLeft();
    }

    @Test
    void anArchiveWithoutMidiFilesOrNotAZipIsRefused() throws Exception {
        server.serve("/text.zip", LocalServer.zip("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        server.serve("/html.zip", "<html>moved</html>".getBytes(StandardCharsets.UTF_8));
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(entry("/text.zip", null, null), base, ProgressListener.NONE, CancellationToken.none()));
        assertEquals("The archive of Test set holds no MIDI files", x.getMessage());
        x = assertThrows(DownloadException.class,
                () -> new Downloader().download(entry("/html.zip", null, null), base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().startsWith("The download of Test set is not a readable zip archive"), x.getMessage());
        assertNothingLeft();
    }

    @Test
    void cancelDuringAStalledDownloadStopsPromptlyAndLeavesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/slow.zip", ex -> {
            ex.sendResponseHeaders(200, 10_000_000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[100_000]);
            out.flush();
            try {
                release.await(90, TimeUnit.SECONDS); // the server stalls: only cancel (or the 60 s stall timeout) can end the read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CancellationToken cancel = new CancellationToken();
        CountDownLatch bytesArrived = new CountDownLatch(1);
        // Cancel from another thread once the download is blocked in a read the server never answers:
        // bytes came, and the downloading thread (this one) waits for more.
        Thread downloading = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            try {
                bytesArrived.await(10, TimeUnit.SECONDS);
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (downloading.getState() != Thread.State.WAITING && System.nanoTime() < giveUp) LockSupport.parkNanos(1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        try {
            assertThrows(CancelledException.class, () -> new Downloader().download(entry("/slow.zip", null, null), base,
                    (done, total, current) -> {
                        if (done > 0) bytesArrived.countDown();
                    }, cancel));
        } finally {
            release.countDown();
            canceller.join();
        }
        // Without the cancel only the 60 s stall timeout would end the read (the server holds it for 90 s).
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "cancel is prompt");
        assertNothingLeft();
    }

    @Test
    void aServerThatStopsSendingIsGivenUpAfterTheStallTimeoutSayingSoAndLeavesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/stall.zip", ex -> {
            ex.sendResponseHeaders(200, 10_000_000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[100_000]);
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS); // sends nothing more: no cancel, only the stall timeout can end the read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Downloader impatient = new Downloader(HttpClient.newHttpClient(), ExtractLimits.DEFAULT, java.time.Duration.ofMillis(500));
        try {
            DownloadException e = assertThrows(DownloadException.class, () -> impatient.download(entry("/stall.zip", null, null), base,
                    ProgressListener.NONE, CancellationToken.none()));
            assertTrue(e.getMessage().contains("sent nothing for") && e.getMessage().contains("100000 of 10000000 bytes"), e.getMessage());
        } finally {
            release.countDown();
        }
        assertNothingLeft();
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws Exception {
        Path target = Files.createDirectories(base.resolve("sets/test"));
        Files.writeString(target.resolve("mine.mid"), "my own");
        DownloadException x = assertThrows(DownloadException.class,
                () -> new Downloader().download(goodEntry(), base, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(x.getMessage().contains("already exists"), x.getMessage());
        assertEquals("my own", Files.readString(target.resolve("mine.mid")));
    }
}
