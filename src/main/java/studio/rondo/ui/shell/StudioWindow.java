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
import studio.rondo.models.BundledModels;
import studio.rondo.ui.dataset.DatasetView;
import studio.rondo.ui.dataset.DatasetViewModel;
import studio.rondo.sound.SoundService;
import studio.rondo.ui.generate.GenerateView;
import studio.rondo.ui.generate.GenerateViewModel;
import studio.rondo.ui.player.TransportViewModel;
import studio.rondo.ui.training.TrainingView;
import studio.rondo.ui.training.TrainingViewModel;

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
    private final Executor executor;
    // Shared by the workspaces: one player for the whole studio, one corpus.
    private final TransportViewModel transport;
    private final DatasetViewModel dataset;
    private final TrainingViewModel training;
    private final GenerateViewModel generate;

    /**
     * @param store    where settings live; the corpus list is kept beside them (corpus.json)
     * @param executor runs the long work of every workspace off the FX thread
     */
    public StudioWindow(Stage stage, SettingsStore store, Executor executor) {
        this(stage, store, null, executor);
    }

    /** @param preloaded settings already read from {@code store} (at start, in the background), or null */
    public StudioWindow(Stage stage, SettingsStore store, Settings preloaded, Executor executor) {
        this.stage = stage;
        this.store = store;
        this.executor = executor;
        this.settings = preloaded != null ? preloaded : store.load();
        this.viewModel = new MainViewModel(settings);
        this.transport = new TransportViewModel(store);
        this.dataset = new DatasetViewModel(store.file().toAbsolutePath().getParent().resolve("corpus.json"), executor);
        this.training = new TrainingViewModel(store.file().toAbsolutePath().getParent().resolve("models"), executor,
                dataset::corpus);
        // Exports render with the chosen SoundFont, loaded once; a broken one falls back to the built-in
        // sounds (the transport bar reports it).
        SoundService sounds = new SoundService(store);
        this.generate = new GenerateViewModel(executor, () -> dataset.selectedPieceProperty().get(), () -> sounds.renderer(problem -> { }));
        // The Report compares each generation with the corpus of the Dataset workspace.
        generate.report().setCorpus(dataset::corpus);
        // The bundled models, the musician's and the remembered choice (on a first start: the default bundled model).
        generate.offerModels(BundledModels.list(), store.file().toAbsolutePath().getParent().resolve("models"), settings.generateModel);
        // A model just trained is the one to generate with.
        training.trainedModelProperty().addListener((obs, old, now) -> generate.modelFileProperty().set(now));
        // Generate offers the library's models as it lists them now.
        training.library().entries().addListener((javafx.collections.ListChangeListener<studio.rondo.engine.store.ModelLibrary.Entry>) c ->
                generate.libraryChanged(training.library().entries().stream().filter(e -> e.readable() && !e.stopped())
                        .map(studio.rondo.engine.store.ModelLibrary.Entry::file).toList()));
        // "Use for generation" in the model library: that model, in the Generate workspace.
        training.library().forGenerationProperty().addListener((obs, old, now) -> {
            if (now == null) return;
            generate.modelFileProperty().set(now);
            viewModel.workspaceProperty().set(Workspace.GENERATE);
        });
        generate.followDatasetPiece(dataset.selectedPieceProperty());
        generate.setDatasetSelection(() -> {
            var editor = dataset.selectedEditorProperty().get();
            return editor == null ? java.util.List.of() : editor.selected().stream().map(studio.rondo.music.edit.NoteRef::note).toList();
        });
        if (settings.exportFolder != null) generate.exportFolderProperty().set(java.nio.file.Path.of(settings.exportFolder));
        generate.exportFolderProperty().addListener((obs, old, now) -> settings.exportFolder = now == null ? null : now.toString());
        viewModel.setMidiOpener(file -> dataset.add(java.util.List.of(file), true));
        viewModel.setModelOpener(file -> generate.modelFileProperty().set(file));
        this.view = new MainView(viewModel, this::workspaceView);
    }

    public GenerateViewModel generate() {
        return generate;
    }

    public TrainingViewModel training() {
        return training;
    }

    public DatasetViewModel dataset() {
        return dataset;
    }

    public TransportViewModel transport() {
        return transport;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainView view() {
        return view;
    }

    /** Shows the window, then starts the engine off the FX thread so the window never waits for it. */
    public void open(Callable<String> engineLoader) {
        Scene scene = new Scene(view, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(StudioWindow.class.getResource("/studio/rondo/ui/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        var icon = StudioWindow.class.getResourceAsStream("/studio/rondo/ui/rondo.png");
        if (icon != null) stage.getIcons().add(new Image(icon));
        restoreBounds();
        stage.setOnCloseRequest(this::confirmClose);
        stage.setOnHidden(e -> {
            saveSettings();
            transport.close();
        });
        stage.show();
        dataset.reopen();
        viewModel.startEngine(executor, engineLoader);
    }

    /**
     * Closing while a model trains would lose everything since the last epoch's checkpoint: ask,
     * and on "Stop and close" let the trainer finish its minibatch and save before the window goes.
     */
    private void confirmClose(javafx.stage.WindowEvent e) {
        if (!training.runningProperty().get()) return;
        e.consume();
        var stop = new javafx.scene.control.ButtonType("Stop training and close", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        var keep = new javafx.scene.control.ButtonType("Keep training", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "A model is training. Stop it now? It finishes the current minibatch and saves a checkpoint you can continue from.",
                stop, keep);
        alert.initOwner(stage);
        alert.setHeaderText("Training is still running");
        if (alert.showAndWait().orElse(keep) != stop) return;
        training.runningProperty().addListener((obs, was, now) -> {
            if (!now) stage.close();
        });
        training.cancel();
    }

    public void saveSettings() {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        settings.generateModel = generate.rememberedModel();
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

    private Node workspaceView(Workspace w) {
        if (w == Workspace.DATASET) return new DatasetView(dataset, transport);
        if (w == Workspace.TRAINING) return new TrainingView(training, transport);
        return new GenerateView(generate, transport);
    }
}
