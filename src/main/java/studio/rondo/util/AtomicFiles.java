package studio.rondo.util;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a crash, a full disk or an exception half way never replaces a good file:
 * the content goes to a temporary file beside the target, synced to disk, then renamed into place
 * (and the folder synced, so the rename survives a power cut). Temporary files of earlier writes
 * that a killed process left behind are removed when they are an hour old.
 */
public final class AtomicFiles {
    static final String PART = ".part";
    static final long STALE_PART_MILLIS = 60 * 60 * 1000L;

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        removeStaleParts(dir, abs.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", PART);
        try {
            try (FileOutputStream file = new FileOutputStream(tmp.toFile()); OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                writer.writeTo(out);
                out.flush();
                file.getFD().sync(); // on disk before the rename: a power cut never leaves a renamed empty file
            }
            keepPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes temporary files of earlier writes to the same target that a killed process left
     * behind ({@code .NAME.*.part}, untouched for an hour: a write still running elsewhere is younger).
     */
    static void removeStaleParts(Path dir, String name) {
        if (dir == null) return;
        long cutoff = System.currentTimeMillis() - STALE_PART_MILLIS;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "." + escapeGlob(name) + ".*" + PART)) {
            for (Path p : parts) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).toMillis() < cutoff) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // someone else's file or already gone: leave it
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning up is a courtesy; the write itself decides success
        }
    }

    private static String escapeGlob(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** Makes the rename itself durable where the OS allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a directory; its rename is already durable enough
        }
    }

    /**
     * Temporary files are private (0600); the file that replaces another keeps the old one's
     * permissions, and a new file gets the usual rw-r--r--, as a plain write would.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }
}
