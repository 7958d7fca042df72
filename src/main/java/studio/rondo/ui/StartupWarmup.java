package studio.rondo.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import studio.rondo.app.Settings;
import studio.rondo.app.SettingsStore;

/**
 * Uses the second core while JavaFX starts: reads the settings (which starts logging and JSON,
 * ~0.6 s) and loads, without initialising, the classes the first window needs. Loading is safe
 * off the FX thread; only initialisation of JavaFX classes is not, and none is done here.
 */
final class StartupWarmup {
    private static final List<String> CLASSES = List.of(
            "studio.rondo.ui.shell.StudioWindow", "studio.rondo.ui.shell.MainView", "studio.rondo.ui.shell.MainViewModel",
            "studio.rondo.ui.shell.NavigationBar", "studio.rondo.ui.dataset.DatasetView", "studio.rondo.ui.dataset.DatasetViewModel",
            "studio.rondo.ui.pianoroll.PianoRoll", "studio.rondo.ui.pianoroll.RollPainter", "studio.rondo.ui.pianoroll.MusicalGrid",
            "studio.rondo.ui.player.TransportBar", "studio.rondo.ui.player.TransportViewModel",
            "studio.rondo.ui.training.TrainingViewModel", "studio.rondo.ui.generate.GenerateViewModel",
            "studio.rondo.dataset.Corpus", "studio.rondo.dataset.CorpusManifest", "studio.rondo.engine.model.Hyperparameters",
            "javafx.scene.control.TableView", "javafx.scene.control.TableColumn", "javafx.scene.control.skin.TableViewSkin",
            "javafx.scene.control.skin.VirtualFlow", "javafx.scene.control.skin.TableHeaderRow",
            "javafx.scene.control.skin.TableColumnHeader", "javafx.scene.control.skin.TableRowSkin",
            "javafx.scene.control.skin.TableCellSkin", "javafx.scene.control.SplitPane", "javafx.scene.control.skin.SplitPaneSkin",
            "javafx.scene.control.ToolBar", "javafx.scene.control.skin.ToolBarSkin", "javafx.scene.control.ProgressBar",
            "javafx.scene.control.skin.ProgressBarSkin", "javafx.scene.control.skin.TextFieldSkin",
            "javafx.scene.control.skin.ScrollBarSkin", "javafx.scene.control.skin.ButtonSkin",
            "javafx.scene.control.skin.ToggleButtonSkin", "javafx.scene.control.skin.MenuBarSkin", "javafx.scene.canvas.Canvas",
            "org.controlsfx.control.StatusBar", "org.controlsfx.control.textfield.TextFields",
            "org.controlsfx.control.textfield.CustomTextField", "org.controlsfx.control.textfield.CustomTextFieldSkin",
            "org.kordamp.ikonli.javafx.FontIcon", "org.kordamp.ikonli.javafx.IkonResolver",
            "org.kordamp.ikonli.materialdesign2.MaterialDesignA", "org.kordamp.ikonli.materialdesign2.MaterialDesignF",
            "org.kordamp.ikonli.materialdesign2.MaterialDesignP", "org.kordamp.ikonli.materialdesign2.MaterialDesignS");

    private static volatile CompletableFuture<Settings> settings;

    private StartupWarmup() {
    }

    /** Starts the warm-up; call before JavaFX starts. */
    static void start(SettingsStore store) {
        settings = CompletableFuture.supplyAsync(() -> {
            Settings s = store.load();
            ClassLoader loader = StartupWarmup.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // Only a head start: the class loads normally when the window needs it.
                }
            }
            return s;
        });
    }

    /** The settings read in the background, or null when no warm-up ran. */
    static Settings settings() {
        CompletableFuture<Settings> f = settings;
        return f == null ? null : f.join();
    }
}
