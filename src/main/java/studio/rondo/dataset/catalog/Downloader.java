package studio.rondo.dataset.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import studio.rondo.app.AppInfo;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.CancelledException;
import studio.rondo.dataset.ProgressListener;

/**
 * Fetches a catalog corpus and unpacks it into a folder, all or nothing.
 *
 * <p>The archive is downloaded to a hidden temporary file beside the target, checked (size,
 * SHA-256 when published), unpacked into a hidden temporary folder there and only then renamed to
 * the target. Whatever fails, or a cancel, the temporary file and folder are deleted, as are
 * parent folders this download created: no half corpus is ever left where a scan would find it.
 *
 * <p>Progress: while downloading, done/total are bytes (total -1 when the server does not say)
 * and current is the URL; while unpacking, they count archive entries and current is
 * "unpacking NAME". Meant for a background thread; cancel is prompt, even in a stalled read.
 */
public final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** A server that sends nothing for this long (no headers, or no body bytes) has stalled. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final long PROGRESS_STEP = 256 * 1024;

    private final HttpClient client;
    private final ExtractLimits limits;
    private final Duration stallTimeout;

    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(CONNECT_TIMEOUT).build(),
                ExtractLimits.DEFAULT);
    }

    public Downloader(HttpClient client, ExtractLimits limits) {
        this(client, limits, STALL_TIMEOUT);
    }

    Downloader(HttpClient client, ExtractLimits limits, Duration stallTimeout) {
        this.client = client;
        this.limits = limits;
        this.stallTimeout = stallTimeout;
    }

    /** Where {@link #download} puts a corpus under a base folder. */
    public static Path targetOf(CatalogEntry entry, Path baseDir) {
        return baseDir.toAbsolutePath().normalize().resolve(entry.folder()).normalize();
    }

    /**
     * Downloads and unpacks a corpus into {@code baseDir/entry.folder()}.
     *
     * @return the corpus folder
     * @throws DownloadException  when the download or the archive is bad, or the target exists; the message says why
     * @throws IOException        when the disk fails (full, no permission)
     * @throws CancelledException when cancelled; nothing is left behind
     */
    public Path download(CatalogEntry entry, Path baseDir, ProgressListener progress, CancellationToken cancel) throws IOException {
        Path target = targetOf(entry, baseDir);
        if (Files.exists(target)) {
            throw new DownloadException(target + " already exists; remove it or choose another folder to download "
                    + entry.title() + " again");
        }
        Path parent = target.getParent();
        Path firstCreated = firstMissingAncestor(parent);
        Files.createDirectories(parent);
        Path zip = null;
        Path unpacked = null;
        boolean done = false;
        try {
            zip = Files.createTempFile(parent, ".rondo-download-", ".zip.part");
            fetch(entry, zip, progress, cancel);
            cancel.throwIfCancelled();
            unpacked = Files.createTempDirectory(parent, ".rondo-unpack-");
            ZipExtractor.Outcome outcome = new ZipExtractor(limits).extract(zip, unpacked, entry.title(), progress, cancel);
            if (outcome.midiFiles() == 0) {
                throw new DownloadException("The archive of " + entry.title() + " holds no MIDI files");
            }
            writeSourceNote(entry, unpacked);
            cancel.throwIfCancelled();
            moveIntoPlace(unpacked, target, entry);
            done = true;
            return target;
        } finally {
            deleteQuietly(zip);
            if (!done) {
                deleteTree(unpacked);
                deleteEmptyDirs(parent, firstCreated);
            }
        }
    }

    // ---- downloading

    private void fetch(CatalogEntry entry, Path into, ProgressListener progress, CancellationToken cancel) throws IOException {
        URI uri = entry.uri();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("User-Agent", AppInfo.NAME.replace(" ", "") + "/" + AppInfo.version())
                .timeout(stallTimeout) // until the response headers arrive
                .GET().build();
        HttpResponse<InputStream> response = send(request, entry, cancel);
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            closeQuietly(response.body());
            throw new DownloadException("The server has no file at " + uri + " (HTTP " + status + ")");
        }
        if (status < 200 || status >= 300) {
            closeQuietly(response.body());
            throw new DownloadException("The server refused the download of " + uri + " (HTTP " + status + ")");
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared >= 0 && entry.expectedBytes() != null && declared != entry.expectedBytes()) {
            // Refuse before spending the bandwidth: the server offers another file than the catalog describes.
            closeQuietly(response.body());
            throw new DownloadException("The server offers " + declared + " bytes for " + entry.title() + ", but the catalog expects "
                    + entry.expectedBytes() + "; the file on the server is not the one the catalog describes");
        }
        long expected = declared >= 0 ? declared : entry.expectedBytes() != null ? entry.expectedBytes() : -1;
        if (expected > limits.maxDownloadBytes()) {
            closeQuietly(response.body());
            throw new DownloadException("The download of " + entry.title() + " is " + expected + " bytes, more than the limit of "
                    + limits.maxDownloadBytes());
        }
        MessageDigest sha = sha256();
        long got = 0;
        InputStream in = response.body();
        // Closing the stream from another thread unblocks a read that waits on a stalled server: the
        // cancelling thread does it, and so does a watchdog when no byte has come for stallTimeout.
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rondo-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long checkMillis = Math.max(50, Math.min(1000, stallTimeout.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead.get() > stallTimeout.toNanos() && stalled.compareAndSet(false, true)) closeQuietly(in);
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        try (in; OutputStream out = Files.newOutputStream(into); CancellationToken.Registration unblock = cancel.onCancel(() -> closeQuietly(in))) {
            byte[] buf = new byte[64 * 1024];
            long nextReport = 0;
            progress.progress(0, expected, uri.toString());
            int n;
            while ((n = in.read(buf)) >= 0) {
                cancel.throwIfCancelled();
                lastRead.set(System.nanoTime());
                if (n == 0) continue;
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                got += n;
                if (got > limits.maxDownloadBytes()) {
                    throw new DownloadException("The download of " + entry.title() + " is larger than the limit of "
                            + limits.maxDownloadBytes() + " bytes");
                }
                if (got >= nextReport) {
                    progress.progress(got, expected, uri.toString());
                    nextReport = got + PROGRESS_STEP;
                }
            }
            progress.progress(got, expected, uri.toString());
        } catch (DownloadException | CancelledException e) {
            throw e;
        } catch (IOException e) {
            cancel.throwIfCancelled(); // the read failed because cancel closed the stream
            if (stalled.get())
                throw new DownloadException(uri.getHost() + " sent nothing for " + stallTimeout.toSeconds() + " s; the download of "
                        + entry.title() + " stopped after " + got + (expected >= 0 ? " of " + expected : "") + " bytes. Try again later.", e);
            throw stopped(entry, got, expected, e);
        } finally {
            watchdog.shutdownNow();
        }
        if (stalled.get() && (expected < 0 || got < expected))
            throw new DownloadException(uri.getHost() + " sent nothing for " + stallTimeout.toSeconds() + " s; the download of "
                    + entry.title() + " stopped after " + got + " bytes. Try again later.");
        cancel.throwIfCancelled();
        if (expected >= 0 && got < expected) throw stopped(entry, got, expected, null);
        verify(entry, got, HexFormat.of().formatHex(sha.digest()));
    }

    private HttpResponse<InputStream> send(HttpRequest request, CatalogEntry entry, CancellationToken cancel) throws IOException {
        CompletableFuture<HttpResponse<InputStream>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try (CancellationToken.Registration unblock = cancel.onCancel(() -> future.cancel(true))) {
            return future.get();
        } catch (CancellationException e) {
            throw new CancelledException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new InterruptedIOException("interrupted while connecting to " + request.uri().getHost());
        } catch (ExecutionException e) {
            throw cannotConnect(request.uri(), entry, e.getCause());
        }
    }

    private static DownloadException cannotConnect(URI uri, CatalogEntry entry, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new DownloadException(uri.getHost() + " did not answer in time; the download of " + entry.title() + " failed", cause);
        }
        if (cause instanceof ConnectException) {
            return new DownloadException("Cannot connect to " + uri.getHost() + " to download " + entry.title()
                    + " (is the computer online?)", cause);
        }
        String why = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        return new DownloadException("The download of " + entry.title() + " from " + uri + " failed (" + why + ")", cause);
    }

    private static DownloadException stopped(CatalogEntry entry, long got, long expected, IOException cause) {
        String of = expected >= 0 ? got + " of " + expected + " bytes" : got + " bytes";
        String why = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return new DownloadException("The download of " + entry.title() + " stopped after " + of + why, cause);
    }

    private static void verify(CatalogEntry entry, long got, String sha) throws DownloadException {
        Long expected = entry.expectedBytes();
        if (expected != null && got < expected) {
            throw stopped(entry, got, expected, null);
        }
        if (expected != null && got != expected) {
            throw new DownloadException("The download of " + entry.title() + " has " + got + " bytes, but the catalog expects "
                    + expected + "; the file on the server is not the one the catalog describes");
        }
        if (entry.sha256() != null && !entry.sha256().equalsIgnoreCase(sha)) {
            throw new DownloadException("The download of " + entry.title() + " is damaged or not the published file: its SHA-256 is "
                    + sha + ", the catalog expects " + entry.sha256().toLowerCase());
        }
    }

    // ---- files

    /** The CC BY-SA license asks users to keep the attribution with the material. */
    private static void writeSourceNote(CatalogEntry entry, Path dir) throws IOException {
        String text = entry.title() + "\n"
                + "Downloaded by Rondo Studio from " + entry.url() + "\n"
                + "License: " + entry.license() + (entry.licenseUrl() == null ? "" : " (" + entry.licenseUrl() + ")") + "\n"
                + (entry.attribution() == null ? "" : "Attribution: " + entry.attribution() + "\n");
        Path note = dir.resolve("SOURCE.txt");
        if (!Files.exists(note)) Files.writeString(note, text, StandardCharsets.UTF_8);
    }

    private static void moveIntoPlace(Path from, Path target, CatalogEntry entry) throws IOException {
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, target); // same parent folder: only odd file systems get here
        } catch (FileAlreadyExistsException e) {
            throw new DownloadException(target + " appeared while " + entry.title() + " was downloading; it was left as it is", e);
        }
        if (!Files.isDirectory(target)) throw new DownloadException("could not move the corpus into " + target);
    }

    private static Path firstMissingAncestor(Path dir) {
        Path first = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) first = p;
        return first;
    }

    /** Removes the folders from {@code dir} up to {@code top} that this download created, if empty. */
    private static void deleteEmptyDirs(Path dir, Path top) {
        if (top == null) return;
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty: someone else put something there
            }
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Downloader::deleteQuietly);
        } catch (IOException ignored) {
            // best effort: the folder is hidden and named as temporary
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only to release the connection
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
