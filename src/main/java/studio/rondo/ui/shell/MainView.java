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
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.FileChooser;
import studio.rondo.ui.pianoroll.PianoRoll;

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
        MenuItem openMidi = new MenuItem("Open MIDI…", new FontIcon(MaterialDesignF.FILE_MUSIC_OUTLINE));
        openMidi.setId("menu-open-midi");
        openMidi.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openMidi.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a MIDI file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi", "*.MID"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.openMidi(f.toPath());
        });
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem item = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.openMidi(p));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No recent files");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        fillRecent.run();
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        MenuItem openModel = new MenuItem("Open model…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openModel.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a Rondo model");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rondo models", "*.zip"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.openModel(f.toPath());
        });
        MenuItem prefs = new MenuItem("Preferences…");
        prefs.setId("menu-preferences");
        prefs.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        prefs.setOnAction(e -> PreferencesDialog.show(getScene().getWindow(), vm));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, openMidi, recent, openModel, new SeparatorMenuItem(), prefs, new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        Menu view = new Menu("View");
        view.setId("menu-view");
        int key = 1;
        for (Workspace w : Workspace.values()) {
            MenuItem item = new MenuItem(w.title(), new FontIcon(w.icon()));
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key++));
            item.setOnAction(e -> vm.select(w));
            view.getItems().add(item);
        }
        MenuItem fit = rollItem("Fit to the piece", "Shortcut+0", PianoRoll::fit);
        fit.setId("menu-fit");
        CheckMenuItem follow = new CheckMenuItem("Follow the playhead");
        follow.setOnAction(e -> activeRoll().ifPresent(r -> r.followPlayheadProperty().set(follow.isSelected())));
        CheckMenuItem velocity = new CheckMenuItem("Velocity lane");
        velocity.setOnAction(e -> activeRoll().ifPresent(r -> r.velocityLaneProperty().set(velocity.isSelected())));
        view.getItems().addAll(new SeparatorMenuItem(), fit,
                rollItem("Zoom in (time)", "Shortcut+Equals", r -> r.zoom(1.5, 0)),
                rollItem("Zoom out (time)", "Shortcut+Minus", r -> r.zoom(1 / 1.5, 0)),
                rollItem("Taller keys", "Shortcut+Shift+Equals", r -> r.zoomKeys(1.25)),
                rollItem("Shorter keys", "Shortcut+Shift+Minus", r -> r.zoomKeys(0.8)),
                follow, velocity);
        view.setOnShowing(e -> {
            boolean roll = activeRoll().isPresent();
            follow.setDisable(!roll);
            velocity.setDisable(!roll);
            activeRoll().ifPresent(r -> {
                follow.setSelected(r.followPlayheadProperty().get());
                velocity.setSelected(r.velocityLaneProperty().get());
            });
        });

        Menu edit = editMenu();

        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("menu-shortcuts");
        shortcuts.setAccelerator(KeyCombination.keyCombination("F1"));
        shortcuts.setOnAction(e -> ShortcutsDialog.create(getScene().getWindow()).show());
        MenuItem about = new MenuItem("About Rondo Studio");
        about.setId("menu-about");
        about.setOnAction(e -> AboutDialog.create(getScene().getWindow(), vm.engineDescription()).showAndWait());
        Menu help = new Menu("Help", null, shortcuts, new SeparatorMenuItem(), about);
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Edit: acts on the piano roll of the workspace on screen; Undo and Redo say what they would do. */
    private Menu editMenu() {
        MenuItem undo = rollItem("Undo", "Shortcut+Z", PianoRoll::undo);
        undo.setId("menu-undo");
        MenuItem redo = rollItem("Redo", "Shortcut+Shift+Z", PianoRoll::redo);
        redo.setId("menu-redo");
        MenuItem cut = rollItem("Cut", "Shortcut+X", PianoRoll::cut);
        MenuItem copy = rollItem("Copy", "Shortcut+C", PianoRoll::copy);
        MenuItem paste = rollItem("Paste", "Shortcut+V", PianoRoll::paste);
        MenuItem delete = rollItem("Delete", null, PianoRoll::deleteSelection);
        delete.setText("Delete\tDel");
        MenuItem all = rollItem("Select all", "Shortcut+A", PianoRoll::selectAll);
        MenuItem quantize = rollItem("Quantize selection\tQ", null, PianoRoll::quantizeSelection);
        MenuItem up = rollItem("Transpose up a semitone\t↑", null, r -> r.transpose(1));
        MenuItem down = rollItem("Transpose down a semitone\t↓", null, r -> r.transpose(-1));
        MenuItem octaveUp = rollItem("Transpose up an octave\tShift+↑", null, r -> r.transpose(12));
        MenuItem octaveDown = rollItem("Transpose down an octave\tShift+↓", null, r -> r.transpose(-12));
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, delete, all, new SeparatorMenuItem(), quantize,
                up, down, octaveUp, octaveDown);
        edit.setId("menu-edit");
        edit.setOnShowing(e -> {
            var roll = activeRoll();
            var ed = roll.map(PianoRoll::currentEditor).orElse(null);
            boolean editable = roll.isPresent() && roll.get().editableProperty().get() && ed != null;
            undo.setText(editable && ed.canUndo() ? "Undo " + ed.undoDescription().orElse("") : "Undo");
            redo.setText(editable && ed.canRedo() ? "Redo " + ed.redoDescription().orElse("") : "Redo");
            undo.setDisable(!editable || !ed.canUndo());
            redo.setDisable(!editable || !ed.canRedo());
            boolean selection = ed != null && ed.selectionSize() > 0;
            for (MenuItem m : List.of(cut, delete, quantize, up, down, octaveUp, octaveDown)) m.setDisable(!editable || !selection);
            copy.setDisable(!selection);
            paste.setDisable(!editable || studio.rondo.music.edit.NoteClipboard.shared().isEmpty());
            all.setDisable(ed == null);
        });
        // Accelerators of disabled items do not fire: enable everything again once the menu is closed.
        edit.setOnHidden(e -> edit.getItems().forEach(m -> m.setDisable(false)));
        return edit;
    }

    private MenuItem rollItem(String text, String accelerator, java.util.function.Consumer<PianoRoll> action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> {
            // a text field keeps its own shortcuts (undo, copy, paste in a spinner)
            if (getScene() != null && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl) return;
            activeRoll().ifPresent(action);
        });
        return item;
    }

    /** The piano roll of the workspace on screen, if it has one. */
    public java.util.Optional<PianoRoll> activeRoll() {
        if (center.getChildren().isEmpty()) return java.util.Optional.empty();
        Node n = center.getChildren().get(0).lookup(".piano-roll");
        return n instanceof PianoRoll r ? java.util.Optional.of(r) : java.util.Optional.empty();
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
