package studio.rondo.ui.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.application.Platform;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.app.AppInfo;
import studio.rondo.app.Settings;
import studio.rondo.engine.EngineContext;

/** State of the main window: the current workspace and the engine's start. Views only bind to it. */
public final class MainViewModel {
    private final EngineContext engine = EngineContext.shared();
    // Properties
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(Workspace.DATASET);
    private final ReadOnlyObjectWrapper<EngineState> engineState = new ReadOnlyObjectWrapper<>(EngineState.LOADING);
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper("Starting the learning engine…");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Welcome to " + AppInfo.NAME);

    private final Settings settings;
    private final javafx.collections.ObservableList<java.nio.file.Path> recentFiles = javafx.collections.FXCollections.observableArrayList();
    private java.util.function.Consumer<java.nio.file.Path> midiOpener = p -> { };
    private java.util.function.Consumer<java.nio.file.Path> modelOpener = p -> { };
    public static final int RECENT_FILES = 10;

    public MainViewModel(Settings settings) {
        this.settings = settings;
        workspace.set(Workspace.fromName(settings.lastWorkspace));
        if (settings.recentFiles != null) for (String f : settings.recentFiles) {
            try {
                recentFiles.add(java.nio.file.Path.of(f));
            } catch (RuntimeException e) {
                // a path this system cannot read: dropped
            }
        }
        workspace.addListener((obs, old, now) -> {
            settings.lastWorkspace = now.name();
            statusText.set(now.title() + ": " + now.purpose());
        });
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public ReadOnlyObjectProperty<EngineState> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty engineTextProperty() {
        return engineText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public Settings settings() {
        return settings;
    }

    /** MIDI files opened, newest first. */
    public javafx.collections.ObservableList<java.nio.file.Path> recentFiles() {
        return recentFiles;
    }

    // Commands

    /** What File > Open MIDI does with a file (the window adds it to the Dataset and shows it in the roll). */
    public void setMidiOpener(java.util.function.Consumer<java.nio.file.Path> opener) {
        midiOpener = opener;
    }

    public void setModelOpener(java.util.function.Consumer<java.nio.file.Path> opener) {
        modelOpener = opener;
    }

    /** Opens a MIDI file into the Dataset workspace (shown in its roll) and remembers it among the recent files. */
    public void openMidi(java.nio.file.Path file) {
        java.nio.file.Path abs = file.toAbsolutePath();
        recentFiles.remove(abs);
        recentFiles.add(0, abs);
        while (recentFiles.size() > RECENT_FILES) recentFiles.remove(recentFiles.size() - 1);
        settings.recentFiles = new java.util.ArrayList<>(recentFiles.stream().map(java.nio.file.Path::toString).toList());
        workspace.set(Workspace.DATASET);
        midiOpener.accept(abs);
        statusText.set("Opened " + abs.getFileName());
    }

    public void openModel(java.nio.file.Path file) {
        workspace.set(Workspace.GENERATE);
        modelOpener.accept(file);
    }

    public void select(Workspace w) {
        workspace.set(w);
    }

    /**
     * Loads the native backend off the FX thread: the window is usable at once and the status bar
     * tells when training becomes possible.
     */
    public void startEngine(Executor executor, Callable<String> loader) {
        BackgroundTask.of(p -> loader.call())
                .onSuccess(description -> {
                    engineState.set(EngineState.READY);
                    engineText.set("Engine ready: " + description);
                })
                .onFailure(ex -> {
                    engineState.set(EngineState.FAILED);
                    engineText.set("Engine failed to start: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName())
                            + " — datasets and playback still work; training needs the engine.");
                })
                .start(executor, Platform::runLater);
    }

    /** The default loader: ND4J with the thread count from the settings. */
    public Callable<String> defaultEngineLoader() {
        return () -> {
            engine.setThreads(settings.threads);
            return engine.start();
        };
    }

    public void setThreads(int threads) {
        settings.threads = threads;
        engine.setThreads(threads);
        if (engineState.get() == EngineState.READY) engineText.set("Engine ready: " + engine.start());
    }

    /** The threads training runs on now. */
    public int threads() {
        return engine.threads();
    }

    /** The engine in words, for About: "ND4J CPU, 2 threads". */
    public String engineDescription() {
        return engine.describe();
    }
}
