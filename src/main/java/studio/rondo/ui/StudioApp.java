package studio.rondo.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import studio.rondo.app.SettingsStore;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.shell.StartupProbe;
import studio.rondo.ui.shell.StudioWindow;

/** The JavaFX application: one studio window. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        StudioWindow window = new StudioWindow(stage, SettingsStore.standard());
        window.open(Background.executor(), window.viewModel().defaultEngineLoader());
        StartupProbe.attach(stage, window);
    }
}
