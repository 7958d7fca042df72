package studio.rondo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.rondo.app.AppDirs;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.ProgressListener;
import studio.rondo.dataset.catalog.Catalog;
import studio.rondo.dataset.catalog.CatalogEntry;
import studio.rondo.dataset.catalog.Downloader;
import studio.rondo.midi.MidiImport;

/** `rondo download NAME --to DIR` and `rondo download --list`: fetch a public corpus from the catalog. */
@Command(name = "download", description = "Download a public MIDI corpus from the catalog and unpack it, or list the catalog.")
final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Catalog name of the corpus (see --list).")
    String name;

    @Option(names = "--to", paramLabel = "DIR",
            description = "Folder to put the corpus in (default: the corpora folder in the studio's data folder).")
    Path to;

    @Option(names = "--list", description = "List the catalog: names, sizes and licenses.")
    boolean list;

    @Option(names = "--catalog", paramLabel = "URL",
            description = "Read the catalog from this file or URL instead of the built-in one (also: -D" + Catalog.URL_PROPERTY + ").")
    String catalogUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog catalog = catalog();
        if (list) {
            for (CatalogEntry e : catalog.entries()) {
                out.printf(Locale.ROOT, "%-28s %s, %s%n", e.id(), e.title(), size(e.expectedBytes()));
                out.println("    license: " + e.licenseLine());
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (name == null) throw new CommandLine.ParameterException(spec.commandLine(), "Missing NAME (or --list)");
        CatalogEntry entry = catalog.find(name).orElseThrow(() ->
                new BadInputException("no corpus named " + name + " in the catalog; see 'rondo download --list'"));
        Path base = to != null ? to : AppDirs.dataDir().resolve("corpora");

        err.println("Downloading " + entry.title() + " from " + entry.url());
        err.println("License: " + entry.licenseLine() + (entry.licenseUrl() == null ? "" : ", " + entry.licenseUrl()));
        err.println("Size: " + (entry.expectedBytes() == null ? "not published" : size(entry.expectedBytes())));
        err.flush();
        Path target = downloadWithCleanupOnInterrupt(entry, base, err);
        int files = MidiImport.midiFilesUnder(target).size();
        err.println("Done: " + files + " MIDI files in " + target);
        err.flush();
        out.println(target);
        out.flush();
        return ExitCodes.OK;
    }

    private Catalog catalog() {
        try {
            return catalogUrl == null ? Catalog.configured() : Catalog.load(toUri(catalogUrl));
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static URI toUri(String s) {
        return s.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") ? URI.create(s) : Path.of(s).toUri();
    }

    /** Ctrl-C cancels the download and waits for its clean-up, so no temporary files are left. */
    private static Path downloadWithCleanupOnInterrupt(CatalogEntry entry, Path base, PrintWriter err) {
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "download-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new Downloader().download(entry, base, new StderrProgress(err), cancel);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running
            }
        }
    }

    static String size(Long bytes) {
        if (bytes == null) return "size not published";
        return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1e6, bytes);
    }

    /** A line every 10% (or every 5 MB when the size is not known); unpacking shows once. */
    private static final class StderrProgress implements ProgressListener {
        private final PrintWriter err;
        private long lastStep = -1;
        private boolean unpacking;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long done, long total, String current) {
            if (current.startsWith("unpacking")) {
                if (!unpacking) err.println("  unpacking ...");
                unpacking = true;
            } else if (total > 0) {
                long step = done * 10 / total;
                if (step == lastStep) return;
                lastStep = step;
                err.printf(Locale.ROOT, "  %3d%% (%.1f of %.1f MB)%n", step * 10, done / 1e6, total / 1e6);
            } else {
                long step = done / 5_000_000;
                if (step == lastStep) return;
                lastStep = step;
                err.printf(Locale.ROOT, "  %.1f MB%n", done / 1e6);
            }
            err.flush();
        }
    }
}
