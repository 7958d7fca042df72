package studio.rondo.dataset.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.ProgressListener;

/**
 * Unpacks the MIDI files (and license/readme texts) of a corpus archive into a folder. Every name
 * is checked before a byte is written: an entry with an absolute path or a ".." segment (ZIP slip)
 * makes the whole archive refused, since an archive that tries it cannot be trusted at all. When
 * all entries share one top folder (as in MAESTRO's zip) it is dropped, so the corpus folder holds
 * the content directly.
 */
final class ZipExtractor {
    private static final Set<String> TEXT_NAMES = Set.of("license", "licence", "copying", "readme", "notice", "attribution");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("", "txt", "md");

    private final ExtractLimits limits;

    ZipExtractor(ExtractLimits limits) {
        this.limits = limits;
    }

    /** What was unpacked: MIDI files and other kept files (texts), and entries left out. */
    record Outcome(int midiFiles, int texts, int skipped) {
    }

    Outcome extract(Path zip, Path into, String title, ProgressListener progress, CancellationToken cancel) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> all = Collections.list(zf.entries());
            if (all.size() > limits.maxEntries()) {
                throw new DownloadException("The archive of " + title + " lists " + all.size() + " entries, more than the limit of "
                        + limits.maxEntries() + "; it was not unpacked");
            }
            List<String> names = new ArrayList<>();
            for (ZipEntry e : all) {
                String name = e.getName().replace('\\', '/');
                String why = unsafe(name);
                if (why != null) {
                    throw new DownloadException("The archive of " + title + " contains an unsafe path (" + e.getName()
                            + ": " + why + "); nothing was unpacked");
                }
                names.add(name);
            }
            String strip = commonTopFolder(names);
            int midi = 0, texts = 0, skipped = 0;
            long total = 0;
            for (int i = 0; i < all.size(); i++) {
                cancel.throwIfCancelled();
                ZipEntry e = all.get(i);
                String name = names.get(i);
                if (e.isDirectory() || name.endsWith("/")) continue;
                Kind kind = kind(name);
                if (kind == Kind.OTHER) {
                    skipped++;
                    continue;
                }
                String rel = strip == null ? name : name.substring(strip.length());
                Path out = into.resolve(rel).normalize();
                if (!out.startsWith(into) || out.equals(into)) {
                    throw new DownloadException("The archive of " + title + " contains an unsafe path (" + e.getName() + "); nothing was unpacked");
                }
                progress.progress(i, all.size(), "unpacking " + rel);
                Files.createDirectories(out.getParent());
                total += copy(zf, e, out, title, limits.maxTotalBytes() - total, cancel);
                if (kind == Kind.MIDI) midi++; else texts++;
            }
            progress.progress(all.size(), all.size(), "unpacked");
            return new Outcome(midi, texts, skipped);
        } catch (ZipException e) {
            throw new DownloadException("The download of " + title + " is not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    private long copy(ZipFile zf, ZipEntry e, Path out, String title, long totalLeft, CancellationToken cancel) throws IOException {
        long written = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = zf.getInputStream(e);
             OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                cancel.throwIfCancelled();
                written += n;
                if (written > limits.maxFileBytes()) {
                    throw new DownloadException("The archive of " + title + " holds " + e.getName() + ", which unpacks to more than "
                            + limits.maxFileBytes() + " bytes, the limit for one file; it was not unpacked");
                }
                if (written > totalLeft) {
                    throw new DownloadException("The archive of " + title + " unpacks to more than " + limits.maxTotalBytes()
                            + " bytes, the limit for a corpus; it was not unpacked");
                }
                os.write(buf, 0, n);
            }
        } catch (FileAlreadyExistsException x) {
            throw new DownloadException("The archive of " + title + " lists " + e.getName() + " twice; it was not unpacked", x);
        }
        return written;
    }

    /** Why a name cannot be unpacked safely, or null when it can. */
    static String unsafe(String name) {
        if (name.isEmpty()) return "an empty name";
        if (name.indexOf('\0') >= 0) return "a NUL character in the name";
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return "an absolute path";
        for (String part : name.split("/")) {
            if (part.equals("..")) return "it leads out of the corpus folder";
        }
        return null;
    }

    private enum Kind { MIDI, TEXT, OTHER }

    static Kind kind(String name) {
        if (name.startsWith("__MACOSX/")) return Kind.OTHER; // macOS resource forks, not music
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (file.startsWith("._") || file.isEmpty()) return Kind.OTHER;
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mid") || lower.endsWith(".midi")) return Kind.MIDI;
        int dot = lower.lastIndexOf('.');
        String base = dot < 0 ? lower : lower.substring(0, dot);
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return TEXT_NAMES.contains(base) && TEXT_EXTENSIONS.contains(ext) ? Kind.TEXT : Kind.OTHER;
    }

    /** "top/" when every entry is under one top folder, else null. */
    static String commonTopFolder(List<String> names) {
        String top = null;
        for (String n : names) {
            if (n.startsWith("__MACOSX/")) continue;
            int slash = n.indexOf('/');
            if (slash <= 0) return null;
            String t = n.substring(0, slash + 1);
            if (top == null) top = t;
            else if (!top.equals(t)) return null;
        }
        return top;
    }
}
