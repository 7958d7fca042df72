package studio.rondo.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.zip");
        Files.writeString(target, "good");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("good", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void replacesTheFileWithTheNewContent() throws IOException {
        Path target = dir.resolve("sub/a.bin");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    }

    @Test
    void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, new byte[] {1});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(fresh, new byte[] {2});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aTemporaryFileThatAKilledWriteLeftIsRemovedOnceItIsAnHourOldAndAYoungOneIsKept(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path target = dir.resolve("model [1].zip");
        Path stale = Files.writeString(dir.resolve(".model [1].zip.12345.part"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * AtomicFiles.STALE_PART_MILLIS));
        Path young = Files.writeString(dir.resolve(".model [1].zip.67890.part"), "being written");
        Path other = Files.writeString(dir.resolve(".other.zip.111.part"), "another target's");
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));
        AtomicFiles.write(target, "new".getBytes());
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(stale), "stale part removed");
        assertTrue(Files.exists(young), "a write that may still run is left alone");
        assertTrue(Files.exists(other), "only the target's own parts are touched");
    }
}
