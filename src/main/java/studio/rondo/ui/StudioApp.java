package studio.rondo.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import studio.rondo.app.SettingsStore;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.shell.StartupProbe;
import studio.rondo.ui.shell.StudioWindow;
import studio.rondo.ui.shell.Workspace;

/** The JavaFX application: one studio window. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        StudioWindow window = new StudioWindow(stage, SettingsStore.standard(), StartupWarmup.settings(), Background.executor());
        window.open(window.viewModel().defaultEngineLoader());
        // A MIDI file given by the desktop (file association, "Open with") is added and shown.
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (!files.isEmpty()) {
            window.viewModel().select(Workspace.DATASET);
            window.dataset().add(files, true);
        }
        StartupProbe.attach(stage, window);
    }
}
