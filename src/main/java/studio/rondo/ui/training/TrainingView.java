package studio.rondo.ui.training;

import studio.rondo.engine.preset.Presets;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.DoubleStringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import studio.rondo.engine.model.Preset;
import studio.rondo.ui.common.Controls;
import studio.rondo.ui.player.TransportViewModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Training workspace: the recipe on the left, live curves and the epoch table on the right. */
public final class TrainingView extends BorderPane {
    // Bidirectional bindings hold their ends weakly: this view keeps the boxed learning rate alive.
    private javafx.beans.property.ObjectProperty<Double> learningRateBoxed;

    public TrainingView(TrainingViewModel vm, TransportViewModel transport) {
        setId("workspace-training");
        getStyleClass().add("training-view");
        ScrollPane form = new ScrollPane(form(vm));
        form.setFitToWidth(true);
        form.setMinWidth(260);
        form.setMaxWidth(340);
        TabPane below = new TabPane(new Tab("Epochs and sketches", new EpochPane(vm, transport)),
                new Tab("Models", new LibraryPane(vm.library(), vm)));
        below.setId("training-tabs");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane right = new SplitPane(new TrainingCharts(vm), below);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(form, false);
        setCenter(split);
        setBottom(progressRow(vm));
        setTop(banner(vm));
        vm.library().refresh();
    }

    /** What stopped the last run, in words, across the workspace until closed or the next run. */
    private static HBox banner(TrainingViewModel vm) {
        Label text = new Label();
        text.setId("training-problem");
        text.setWrapText(true);
        text.textProperty().bind(vm.problemProperty());
        text.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("Close");
        close.setOnAction(e -> vm.problemProperty().set(null));
        HBox banner = new HBox(8, text, close);
        banner.getStyleClass().add("problem-banner");
        banner.setPadding(new Insets(6, 12, 6, 12));
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox form(TrainingViewModel vm) {
        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("training-preset");
        preset.getItems().setAll(Presets.all());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.setCellFactory(l -> new PresetCell());
        preset.setButtonCell(new PresetCell());
        preset.setMaxWidth(Double.MAX_VALUE);
        Label about = new Label();
        about.getStyleClass().add("preset-about");
        about.setWrapText(true);
        about.setId("training-preset-about");
        about.textProperty().bind(vm.descriptionProperty());

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Learning rate" whole, the fields give way
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Epochs"), Controls.intSpinner("training-epochs", vm.epochsProperty(), 1, 10_000,
                "Passes over the training pieces"));
        grid.addRow(row++, new Label("Train for (min)"), Controls.intSpinner("training-minutes", vm.minutesProperty(), 0, 24 * 60,
                "A time budget: stop after this many minutes, keeping the best weights; the learning rate is lowered over the last"
                        + " quarter (0 = no limit, train for the epochs set)"));
        grid.addRow(row++, new Label("Batch"), Controls.intSpinner("training-batch", vm.batchProperty(), 1, 4096,
                "Windows per minibatch"));
        grid.addRow(row++, new Label("Window"), Controls.intSpinner("training-seq-len", vm.seqLenProperty(), 2, 2048,
                "Notes or events the network sees before predicting the next one"));
        grid.addRow(row++, new Label("LSTM size"), Controls.intSpinner("training-hidden", vm.hiddenProperty(), 4, 4096,
                "Units per LSTM layer: larger learns more and trains slower"));
        grid.addRow(row++, new Label("LSTM layers"), Controls.intSpinner("training-layers", vm.layersProperty(), 1, 8, "Stacked LSTM layers"));
        TextField lr = new TextField();
        lr.setId("training-lr");
        TextFormatter<Double> lrFormat = new TextFormatter<>(new DoubleStringConverter());
        lr.setTextFormatter(lrFormat);
        learningRateBoxed = vm.learningRateProperty().asObject();
        lrFormat.valueProperty().bindBidirectional(learningRateBoxed);
        grid.addRow(row++, new Label("Learning rate"), lr);
        grid.addRow(row++, new Label("Patience"), Controls.intSpinner("training-patience", vm.patienceProperty(), 0, 1000,
                "Stop when the validation loss has not improved for this many epochs (0 = never), keeping the best weights"));

        Label modelLabel = new Label();
        modelLabel.setId("training-model-file");
        modelLabel.setWrapText(true);
        modelLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.modelFileProperty().get() == null
                ? "Model: a new file in your models folder" : "Model: " + vm.modelFileProperty().get(), vm.modelFileProperty()));
        Button chooseModel = new Button("Model file…", new FontIcon(MaterialDesignF.FILE_OUTLINE));
        chooseModel.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Model file to write, or to continue");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rondo models", "*.zip"));
            File f = vm.continueModelProperty().get() ? chooser.showOpenDialog(getScene().getWindow())
                    : chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.modelFileProperty().set(f.toPath());
        });
        CheckBox continueModel = new CheckBox("Continue this model file");
        continueModel.setId("training-continue");
        continueModel.setTooltip(new Tooltip("Train the chosen model file further, with its own settings, instead of starting a new model"));
        continueModel.selectedProperty().bindBidirectional(vm.continueModelProperty());

        Button train = new Button("Train", new FontIcon(MaterialDesignP.PLAY));
        train.setId("training-start");
        train.getStyleClass().add("accent-button");
        train.setDefaultButton(true);
        train.disableProperty().bind(vm.runningProperty());
        train.setOnAction(e -> vm.train());
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("training-stop");
        stop.setTooltip(new Tooltip("Stop after this minibatch; a checkpoint is saved so you can continue"));
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.cancel());
        Button resume = new Button("Continue", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("training-resume");
        resume.setTooltip(new Tooltip("Go on with the last run: from its checkpoint after Stop, or for the epochs set after it finished"));
        resume.disableProperty().bind(vm.canContinueProperty().not().or(vm.runningProperty()));
        resume.setOnAction(e -> vm.continueTraining());
        HBox buttons = new HBox(8, train, stop, resume);
        Label readiness = new Label();
        readiness.setId("training-readiness");
        readiness.getStyleClass().add("training-readiness");
        readiness.setWrapText(true);
        readiness.textProperty().bind(vm.readinessProperty());

        VBox box = new VBox(10, new Label("Preset"), preset, about, grid, modelLabel, chooseModel, continueModel, buttons, readiness);
        box.getStyleClass().add("training-form");
        box.setPadding(new Insets(12));
        // The form locks during a run; the Stop button stays usable.
        for (var n : new javafx.scene.Node[] {preset, grid, chooseModel, continueModel}) n.disableProperty().bind(vm.runningProperty());
        return box;
    }

    private HBox progressRow(TrainingViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.setPrefWidth(240);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("training-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.setMinWidth(160);
        Label speed = new Label();
        speed.setId("training-speed");
        speed.textProperty().bind(vm.speedProperty());
        speed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label timing = new Label();
        timing.setId("training-timing");
        timing.textProperty().bind(vm.timingProperty());
        timing.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox right = new VBox(2, timing, speed);
        right.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(12, bar, status, right);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("training-progress-row");
        return row;
    }


    /** A preset shown by its name and network. */
    private static final class PresetCell extends ListCell<Preset> {
        @Override
        protected void updateItem(Preset p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.title());
            setTooltip(empty || p == null ? null : new javafx.scene.control.Tooltip("Preset id: " + p.id()));
        }
    }
}
