package studio.rondo.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The main window's layout: menu, workspace navigation, the current workspace, the status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Map<Workspace, Node> views = new EnumMap<>(Workspace.class);
    private final Function<Workspace, Node> viewFactory;
    private final StackPane center = new StackPane();

    /** @param viewFactory makes each workspace's view the first time it is shown */
    public MainView(MainViewModel vm, Function<Workspace, Node> viewFactory) {
        this.vm = vm;
        this.viewFactory = viewFactory;
        getStyleClass().add("main-view");
        setTop(menuBar());
        setLeft(new NavigationBar(vm));
        center.getStyleClass().add("workspace-area");
        setCenter(center);
        setBottom(statusBar());
        show(vm.workspaceProperty().get());
        vm.workspaceProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Workspace w) {
        center.getChildren().setAll(views.computeIfAbsent(w, viewFactory));
    }

    private MenuBar menuBar() {
        MenuItem prefs = new MenuItem("Preferences…");
        prefs.setId("menu-preferences");
        prefs.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        prefs.setOnAction(e -> PreferencesDialog.show(getScene().getWindow(), vm));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, prefs, new SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        int key = 1;
        for (Workspace w : Workspace.values()) {
            MenuItem item = new MenuItem(w.title(), new FontIcon(w.icon()));
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key++));
            item.setOnAction(e -> vm.select(w));
            view.getItems().add(item);
        }

        MenuItem about = new MenuItem("About Rondo Studio");
        about.setId("menu-about");
        about.setOnAction(e -> AboutDialog.create(getScene().getWindow(), vm.engineDescription()).showAndWait());
        Menu help = new Menu("Help", null, about);
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.statusTextProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(vm.engineStateProperty().isEqualTo(EngineState.LOADING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("engine-icon");
        Label engine = new Label();
        engine.setId("engine-status");
        engine.textProperty().bind(vm.engineTextProperty());
        engine.setGraphic(icon);
        vm.engineStateProperty().addListener((obs, old, now) -> updateEngineIcon(icon, now));
        updateEngineIcon(icon, vm.engineStateProperty().get());
        HBox right = new HBox(6, spinner, engine);
        right.getStyleClass().add("engine-box");
        bar.getRightItems().add(right);
        return bar;
    }

    private static void updateEngineIcon(FontIcon icon, EngineState state) {
        icon.setIconCode(state == EngineState.FAILED ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignC.CHIP);
        icon.getStyleClass().removeAll("engine-ready", "engine-failed", "engine-loading");
        icon.getStyleClass().add("engine-" + state.name().toLowerCase());
    }
}
