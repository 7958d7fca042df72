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

    public MainViewModel(Settings settings) {
        this.settings = settings;
        workspace.set(Workspace.fromName(settings.lastWorkspace));
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

    // Commands

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
