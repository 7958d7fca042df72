package studio.rondo.ui.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import studio.rondo.app.AppInfo;
import studio.rondo.app.Settings;
import studio.rondo.app.SettingsStore;

/**
 * Puts the main view into a stage: restores the window's size, position and workspace from the
 * settings, saves them when the window closes, and starts the engine in the background.
 */
public final class StudioWindow {
    private final Stage stage;
    private final SettingsStore store;
    private final Settings settings;
    private final MainViewModel viewModel;
    private final MainView view;

    public StudioWindow(Stage stage, SettingsStore store) {
        this.stage = stage;
        this.store = store;
        this.settings = store.load();
        this.viewModel = new MainViewModel(settings);
        this.view = new MainView(viewModel, StudioWindow::workspaceView);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainView view() {
        return view;
    }

    /** Shows the window, then starts the engine off the FX thread so the window never waits for it. */
    public void open(Executor executor, Callable<String> engineLoader) {
        Scene scene = new Scene(view, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(StudioWindow.class.getResource("/studio/rondo/ui/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        var icon = StudioWindow.class.getResourceAsStream("/studio/rondo/ui/rondo.png");
        if (icon != null) stage.getIcons().add(new Image(icon));
        restoreBounds();
        stage.setOnHidden(e -> saveSettings());
        stage.show();
        viewModel.startEngine(executor, engineLoader);
    }

    public void saveSettings() {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        store.save(settings);
    }

    private void restoreBounds() {
        // Only put the window where a screen still is (a second monitor may be gone since last time).
        if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)
                && !Screen.getScreensForRectangle(new Rectangle2D(settings.windowX, settings.windowY,
                        Math.max(1, settings.windowWidth), Math.max(1, settings.windowHeight))).isEmpty()) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setMaximized(settings.maximized);
    }

    private static Node workspaceView(Workspace w) {
        return new WorkspacePlaceholder(w, switch (w) {
            case DATASET -> "Coming soon. Today, from a terminal: rondo inspect FOLDER lists every piece of a folder.";
            case TRAINING -> "Coming soon. Today, from a terminal: rondo presets lists the six presets you will train.";
            case GENERATE -> "Coming soon: primers, temperature, variations, piano roll, playback and export.";
        });
    }
}
