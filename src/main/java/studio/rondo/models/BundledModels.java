package studio.rondo.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;

/**
 * Finds the models that ship with the studio. The models folder holds the model files and
 * {@code models.json}, an index naming each one. The folder is, first found:
 * <ol>
 *   <li>the system property {@code rondo.models.dir} (when set, the only place looked at);</li>
 *   <li>{@code models/} beside rondo.jar: an installed studio ({@code <image>/lib/app/models},
 *       {@code app\models}, {@code Contents/app/models}) and {@code target/models} after
 *       {@code mvn package} ({@code java -jar target/rondo.jar});</li>
 *   <li>{@code assets/models} of the source tree ({@code mvn javafx:run}, the tests: classes run from
 *       {@code target/classes} look there before {@code target/models}), then {@code target/models}
 *       and {@code assets/models} under the working directory.</li>
 * </ol>
 */
public final class BundledModels {
    public static final String DIR_PROPERTY = "rondo.models.dir";
    public static final String INDEX = "models.json";
    private static final Logger LOG = LoggerFactory.getLogger(BundledModels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of models.json. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(@JsonProperty("name") String name, @JsonProperty("file") String file, @JsonProperty("label") String label,
                        @JsonProperty("description") String description, @JsonProperty("license") String license,
                        @JsonProperty("default") boolean isDefault) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Index(@JsonProperty("models") List<Entry> models) {
    }

    private BundledModels() {
    }

    /** The bundled models folder (one with a models.json), if any. */
    public static Optional<Path> directory() {
        for (Path dir : candidates()) {
            if (Files.isRegularFile(dir.resolve(INDEX))) return Optional.of(dir.toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    /** The folders looked at, in order, for messages. */
    public static List<String> directoryCandidates() {
        return candidates().stream().map(Path::toString).toList();
    }

    /** The folders looked at, in order. */
    static List<Path> candidates() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) return List.of(Path.of(prop));
        Set<Path> dirs = new LinkedHashSet<>();
        codeLocation().ifPresent(code -> {
            Path beside = code.getParent(); // rondo.jar -> its folder; target/classes -> target
            if (beside == null) return;
            Path sources = beside.getParent() == null ? null : beside.getParent().resolve("assets").resolve("models");
            // Classes straight from the build (tests, mvn javafx:run): the source tree's models, which
            // may be newer than the copy the last `mvn package` left in target/models.
            if (Files.isDirectory(code) && sources != null) dirs.add(sources);
            dirs.add(beside.resolve("models"));
            if (sources != null) dirs.add(sources);
        });
        dirs.add(Path.of("target", "models").toAbsolutePath());
        dirs.add(Path.of("assets", "models").toAbsolutePath());
        return List.copyOf(dirs);
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = BundledModels.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return Optional.empty();
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bundled models, in index order; none when the folder is missing. */
    public static List<BundledModel> list() {
        return directory().map(BundledModels::list).orElse(List.of());
    }

    /**
     * The models listed in {@code dir/models.json}. An entry whose file is missing or unreadable is
     * left out with a warning in the log (the studio still starts).
     */
    public static List<BundledModel> list(Path dir) {
        List<Entry> entries;
        try {
            entries = readIndex(dir);
        } catch (IOException e) {
            LOG.warn("Bundled models index {} is unreadable: {}", dir.resolve(INDEX), e.getMessage());
            return List.of();
        }
        List<BundledModel> models = new ArrayList<>();
        for (Entry e : entries) {
            if (e.name() == null || e.file() == null) continue;
            Path file = dir.resolve(e.file()).toAbsolutePath().normalize();
            try {
                ModelInfo info = ModelStore.readInfo(file);
                models.add(new BundledModel(e.name(), file, e.label() != null ? e.label() : e.name(),
                        e.description() != null ? e.description() : "", e.license() != null ? e.license() : "", e.isDefault(), info));
            } catch (ModelFileException ex) {
                LOG.warn("Bundled model {} left out: {}", e.name(), ex.getMessage());
            }
        }
        return List.copyOf(models);
    }

    static List<Entry> readIndex(Path dir) throws IOException {
        Index index = JSON.readValue(dir.resolve(INDEX).toFile(), Index.class);
        return index == null || index.models() == null ? List.of() : index.models();
    }

    /** The bundled model of this short name (case-insensitive). */
    public static Optional<BundledModel> find(String name) {
        return find(list(), name);
    }

    static Optional<BundledModel> find(List<BundledModel> models, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return models.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The model a first start selects: the one marked default, else the first. */
    public static Optional<BundledModel> defaultModel(List<BundledModel> models) {
        return models.stream().filter(BundledModel::isDefault).findFirst().or(() -> models.stream().findFirst());
    }
}
