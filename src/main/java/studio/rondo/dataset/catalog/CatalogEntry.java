package studio.rondo.dataset.catalog;

import java.net.URI;
import java.util.Objects;

/**
 * A public corpus the studio knows how to fetch.
 *
 * @param id            short name for the command line, e.g. "piano-midi-de-mozart"
 * @param title         name to show
 * @param description   a sentence or two on what it holds
 * @param license       license name, e.g. "CC BY-SA 3.0 DE"
 * @param licenseUrl    where the license text is (may be null)
 * @param attribution   the credit the license asks for (may be null)
 * @param url           the zip archive to download (http or https)
 * @param expectedBytes size of the archive as published, or null when the publisher gives none
 * @param sha256        SHA-256 of the archive as published (lower-case hex), or null when none is given
 * @param folder        where the corpus goes under the chosen folder, "/"-separated, e.g. "piano-midi-de/mozart"
 * @param note          a remark on the entry's data (where the URL and size come from), may be null
 */
public record CatalogEntry(String id, String title, String description, String license, String licenseUrl,
                           String attribution, String url, Long expectedBytes, String sha256, String folder, String note) {

    public CatalogEntry {
        require(id, "id");
        require(title, "title");
        require(license, "license");
        require(url, "url");
        require(folder, "folder");
        if (description == null) description = "";
        String scheme = URI.create(url).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("catalog entry " + id + ": the url must be http or https: " + url);
        }
        if (expectedBytes != null && expectedBytes <= 0) {
            throw new IllegalArgumentException("catalog entry " + id + ": expectedBytes must be positive");
        }
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("catalog entry " + id + ": sha256 must be 64 hex digits");
        }
        if (!safeFolder(folder)) {
            throw new IllegalArgumentException("catalog entry " + id + ": folder must be a relative path without '..': " + folder);
        }
    }

    public URI uri() {
        return URI.create(url);
    }

    /** "CC BY-SA 3.0 DE (Bernd Krueger, Source: www.piano-midi.de)" */
    public String licenseLine() {
        return attribution == null ? license : license + " (" + attribution + ")";
    }

    private static boolean safeFolder(String folder) {
        if (folder.isBlank() || folder.startsWith("/") || folder.contains("\\") || folder.contains(":")) return false;
        for (String part : folder.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
        }
        return true;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("catalog entry without " + field);
        Objects.requireNonNull(value);
    }
}
