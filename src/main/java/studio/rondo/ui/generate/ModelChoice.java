package studio.rondo.ui.generate;

import java.nio.file.Path;
import studio.rondo.models.BundledModel;

/**
 * One entry of the Generate workspace's model list: a model that ships with the studio, or a model
 * file of the musician's (trained in the studio or opened).
 *
 * @param label   what the list shows
 * @param file    the model file
 * @param bundled the bundled model, or null for the musician's own
 */
public record ModelChoice(String label, Path file, BundledModel bundled) {

    static ModelChoice of(BundledModel m) {
        return new ModelChoice(m.title(), m.file(), m);
    }

    static ModelChoice ofFile(Path file) {
        return new ModelChoice(String.valueOf(file.getFileName()), file, null);
    }

    public boolean isBundled() {
        return bundled != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
