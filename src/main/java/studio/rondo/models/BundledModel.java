package studio.rondo.models;

import java.nio.file.Path;
import java.util.Locale;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.ModelInfo;

/**
 * A model that ships with the studio.
 *
 * @param name        short name for the command line ({@code --model piano})
 * @param file        the model file
 * @param label       what a musician sees first ("Piano")
 * @param description one line: what it plays
 * @param license     license line of the model (it derives from its training data)
 * @param isDefault   the model the Generate workspace selects on a first start
 * @param info        the file's {@code rondo.json}
 */
public record BundledModel(String name, Path file, String label, String description, String license, boolean isDefault,
                           ModelInfo info) {

    /** "Piano (pitch-step-duration 2x256)": the label with the preset and size from the file itself. */
    public String title() {
        Hyperparameters h = info.hyperparameters();
        return String.format(Locale.ROOT, "%s (%s %dx%d)", label, info.preset(), h.layers(), h.hidden());
    }

    public String preset() {
        return info.preset();
    }

    public long parameters() {
        return info.parameters();
    }
}
