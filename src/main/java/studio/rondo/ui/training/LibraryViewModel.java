package studio.rondo.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import studio.rondo.engine.store.ModelLibrary;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.ui.common.NewestResult;

/**
 * The musician's models (the models folder): listed with their figures, renamed, duplicated, deleted,
 * imported and exported off the FX thread; chosen for generation, to train further, or to compare
 * their curves with the run in progress.
 */
public final class LibraryViewModel {
    private final ModelLibrary library;
    private final Executor executor;

    // Properties
    private final ObservableList<ModelLibrary.Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<ModelLibrary.Entry> selected = new SimpleObjectProperty<>();
    private final ObservableSet<Path> compared = FXCollections.observableSet();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> forGeneration = new SimpleObjectProperty<>();

    public LibraryViewModel(Path folder, Executor executor) {
        this.library = new ModelLibrary(folder);
        this.executor = executor;
    }

    public ObservableList<ModelLibrary.Entry> entries() { return entries; }
    public ObjectProperty<ModelLibrary.Entry> selectedProperty() { return selected; }
    /** Models whose curves are drawn beside the run's. */
    public ObservableSet<Path> compared() { return compared; }
    /** The outcome of the last command, in words. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The model the musician chose to generate with (the window hands it to Generate). */
    public ObjectProperty<Path> forGenerationProperty() { return forGeneration; }
    public Path folder() { return library.folder(); }

    // Commands

    /** Reads the folder again (after a run, or when the window comes back). */
    public void refresh() {
        run(null, () -> null);
    }

    public void rename(ModelLibrary.Entry e, String newName) {
        run("Renamed " + e.name() + " to " + newName + ".", () -> library.rename(e.file(), newName));
    }

    public void duplicate(ModelLibrary.Entry e) {
        run(null, () -> {
            Path copy = library.duplicate(e.file());
            say("Copied " + e.name() + " to " + copy.getFileName() + ".");
            return copy;
        });
    }

    public void delete(ModelLibrary.Entry e) {
        compared.remove(e.file());
        run("Deleted " + e.name() + ".", () -> {
            library.delete(e.file());
            return null;
        });
    }

    public void importModel(Path file) {
        run(null, () -> {
            Path in = library.importModel(file);
            say("Imported " + file.getFileName() + " as " + in.getFileName() + ".");
            return in;
        });
    }

    public void export(ModelLibrary.Entry e, Path target) {
        run("Exported " + e.name() + " to " + target + " (without optimizer state, for sharing).", () -> {
            library.export(e.file(), target);
            return null;
        });
    }

    public void useForGeneration(ModelLibrary.Entry e) {
        forGeneration.set(null); // the same model chosen twice still reaches Generate
        forGeneration.set(e.file());
    }

    // ---- internals

    private final NewestResult listings = new NewestResult();

    private interface FileJob {
        Path call() throws IOException;
    }

    private void say(String text) {
        Platform.runLater(() -> message.set(text));
    }

    /** Does a file job, then lists the folder again; errors become the message. */
    private void run(String done, FileJob job) {
        long ticket = listings.start();
        BackgroundTask.of(p -> {
            job.call();
            return library.list();
        }).onSuccess((List<ModelLibrary.Entry> list) -> {
            // Jobs run on a pool and may finish out of order: an older listing would bring back a stale folder.
            if (listings.show(ticket)) {
                ModelLibrary.Entry was = selected.get();
                entries.setAll(list);
                if (was != null) list.stream().filter(x -> x.file().equals(was.file())).findFirst().ifPresent(selected::set);
            }
            if (done != null) message.set(done);
        }).onFailure(ex -> message.set(describe(ex))).start(executor, Platform::runLater);
    }

    private static String describe(Exception ex) {
        if (ex instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + ": a file of that name exists; choose another name.";
        String m = ex.getMessage();
        return m != null && !m.isBlank() ? m : ex.getClass().getSimpleName();
    }
}
