package studio.rondo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;

/** A {@code --model} value: a model file, or the short name of a bundled model ({@code piano}). */
final class ModelArgument {
    private ModelArgument() {
    }

    /**
     * The file a {@code --model} value means: an existing file wins; otherwise a bundled model's
     * name; otherwise the value as a path (loading then says "no such file", naming the bundled models).
     */
    static Path resolve(String value) {
        Path asPath;
        try {
            asPath = Path.of(value);
        } catch (RuntimeException e) {
            asPath = null;
        }
        if (asPath != null && Files.exists(asPath)) return asPath;
        var bundled = BundledModels.list();
        var named = bundled.stream().filter(m -> m.name().equalsIgnoreCase(value)).findFirst();
        if (named.isPresent()) return named.get().file();
        if (asPath == null || !value.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && !value.contains("/") && !value.contains("\\"))
            throw new BadInputException("no model file or bundled model '" + value + "'" + (bundled.isEmpty()
                    ? " (this studio has no bundled models)"
                    : "; bundled models: " + bundled.stream().map(BundledModel::name).collect(Collectors.joining(", "))));
        return asPath;
    }
}
