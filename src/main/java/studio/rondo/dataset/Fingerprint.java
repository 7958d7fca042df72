package studio.rondo.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies the content of a file: size and modification time (cheap, checked on every
 * start) and the SHA-256 of its bytes (taken when the file is read anyway; it names the exact
 * training data a model was made from).
 *
 * @param size           bytes
 * @param modifiedMillis last modification, milliseconds since the epoch
 * @param sha256         lower-case hex digest of the bytes
 */
public record Fingerprint(long size, long modifiedMillis, String sha256) {

    public static Fingerprint of(byte[] bytes, long modifiedMillis) {
        return new Fingerprint(bytes.length, modifiedMillis, sha256(bytes));
    }

    /** True when the file on disk still has this size and modification time. */
    public boolean sameSizeAndTime(Path file) throws IOException {
        return Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
