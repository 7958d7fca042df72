package studio.rondo.dataset.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public corpora the studio can download. The list is data, not code: the built-in one is
 * the resource catalog.json beside this class; another can be read from a file or URL (tests point
 * it at a local server, and a newer list can be tried without a new build).
 */
public final class Catalog {
    public static final String FORMAT = "rondo-catalog";
    public static final int VERSION = 1;
    /** System property naming a catalog to use instead of the built-in one (a file: or http(s): URL). */
    public static final String URL_PROPERTY = "rondo.catalog.url";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Doc(String format, int version, List<CatalogEntry> entries) {
    }

    private final List<CatalogEntry> entries;

    public Catalog(List<CatalogEntry> entries) {
        Set<String> ids = new HashSet<>();
        for (CatalogEntry e : entries) {
            if (!ids.add(e.id())) throw new IllegalArgumentException("catalog lists " + e.id() + " twice");
        }
        this.entries = List.copyOf(entries);
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The entry with this id (case-insensitive). */
    public Optional<CatalogEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The catalog shipped with the studio. */
    public static Catalog builtIn() {
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.json")) {
            if (in == null) throw new IllegalStateException("catalog.json is missing from the studio's resources");
            return parse(in, "the built-in catalog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog named by the system property {@value #URL_PROPERTY}, else the built-in one. */
    public static Catalog configured() throws IOException {
        String url = System.getProperty(URL_PROPERTY);
        return url == null || url.isBlank() ? builtIn() : load(URI.create(url));
    }

    /** Reads a catalog from a file: or http(s): URL. */
    public static Catalog load(URI uri) throws IOException {
        try (InputStream in = uri.toURL().openStream()) {
            return parse(in, uri.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the catalog at " + uri + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param source names the catalog in error messages
     * @throws IOException when it is not a catalog of this version, or an entry is incomplete; the message says which
     */
    public static Catalog parse(InputStream in, String source) throws IOException {
        Doc doc;
        try {
            doc = JSON.readValue(in, Doc.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException(source + " has a bad entry: " + cause.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(source + " is not a corpus catalog (" + e.getOriginalMessage() + ")", e);
        }
        if (doc == null || !FORMAT.equals(doc.format())) throw new IOException(source + " is not a corpus catalog");
        if (doc.version() != VERSION) {
            throw new IOException(source + " is a catalog of format version " + doc.version() + "; this studio reads version " + VERSION);
        }
        try {
            return new Catalog(doc.entries() == null ? List.of() : doc.entries());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }
}
