package studio.rondo.ui.generate;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import javafx.util.StringConverter;
import studio.rondo.engine.generate.Dynamics;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.ui.common.Controls;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportBar;
import studio.rondo.ui.player.SharedTransport;
import studio.rondo.ui.player.TransportViewModel;

/** The Generate workspace: model and controls on the left, variations with piano roll and playback on the right. */
public final class GenerateView extends BorderPane {

    public GenerateView(GenerateViewModel vm, TransportViewModel transport) {
        setId("workspace-generate");
        ScrollPane form = new ScrollPane(form(vm));
        form.setFitToWidth(true);
        form.setMinWidth(300);
        SplitPane split = new SplitPane(form, results(vm, transport));
        split.setDividerPositions(0.33);
        setCenter(split);
        setBottom(progressRow(vm));
    }

    private VBox form(GenerateViewModel vm) {
        Label model = new Label();
        model.setId("generate-model");
        model.setWrapText(true);
        model.textProperty().bind(vm.modelTextProperty());
        ComboBox<ModelChoice> models = new ComboBox<>(vm.modelChoices());
        models.setId("generate-model-choice");
        models.setPromptText("No model yet");
        models.setMaxWidth(Double.MAX_VALUE);
        models.valueProperty().bindBidirectional(vm.modelChoiceProperty());
        models.setTooltip(new Tooltip("The models that come with the studio, and the ones you trained or opened"));
        Button openModel = new Button("Open model…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openModel.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a Rondo model");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rondo models", "*.zip"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.modelFileProperty().set(f.toPath());
        });

        ComboBox<PrimerSource> primer = new ComboBox<>();
        primer.setId("generate-primer");
        primer.getItems().setAll(PrimerSource.values());
        primer.valueProperty().bindBidirectional(vm.primerSourceProperty());
        primer.setMaxWidth(Double.MAX_VALUE);
        Button primerFile = new Button("Choose file…");
        primerFile.visibleProperty().bind(vm.primerSourceProperty().isEqualTo(PrimerSource.FILE));
        primerFile.managedProperty().bind(primerFile.visibleProperty());
        primerFile.textProperty().bind(Bindings.createStringBinding(() -> vm.primerFileProperty().get() == null ? "Choose file…"
                : vm.primerFileProperty().get().getFileName().toString(), vm.primerFileProperty()));
        primerFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.primerFileProperty().set(f.toPath());
        });

        Slider temperature = new Slider(0, 2, vm.temperatureProperty().get());
        temperature.setId("generate-temperature");
        temperature.setMajorTickUnit(0.5);
        temperature.setShowTickMarks(true);
        temperature.setShowTickLabels(true);
        temperature.valueProperty().bindBidirectional(vm.temperatureProperty());
        temperature.setTooltip(new Tooltip("0 always picks the most likely note; 1 follows the model; above 1 takes more risks"));
        Label temperatureValue = new Label();
        temperatureValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", vm.temperatureProperty().get()), vm.temperatureProperty()));

        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) vm.seedProperty().get());
        seed.setEditable(true);
        seed.setId("generate-seed");
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        vm.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        Button dice = new Button(null, new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        dice.setTooltip(new Tooltip("A new random seed"));
        dice.setOnAction(e -> vm.newSeed());

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels never shrink to "Pitch r..."
        grid.getColumnConstraints().add(labels);
        grid.setHgap(8);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, new Label("Primer notes"), Controls.intSpinner("generate-primer-notes", vm.primerNotesProperty(), 1, 10_000, null));
        grid.addRow(r++, new Label("Length"), length(vm));
        grid.addRow(r++, new Label("Temperature"), new HBox(6, temperature, temperatureValue));
        grid.addRow(r++, new Label("Top-k"), Controls.intSpinner("generate-top-k", vm.topKProperty(), 0, 1000, null));
        Spinner<Double> topP = new Spinner<>(0.05, 1.0, vm.topPProperty().get(), 0.05);
        topP.setTooltip(new Tooltip("Keep only the most likely notes that together reach this probability (1 = all)"));
        topP.getValueFactory().valueProperty().addListener((o, a, b) -> vm.topPProperty().set(b));
        grid.addRow(r++, new Label("Top-p"), topP);
        grid.addRow(r++, new Label("Variations"), Controls.intSpinner("generate-variations", vm.variationsProperty(), 1, 16, null));
        grid.addRow(r++, new Label("Seed"), new HBox(6, seed, dice));
        grid.addRow(r++, new Label("Pitch range"), pitchRange(vm));
        grid.addRow(r++, new Label("Dynamics"), dynamics(vm));
        grid.addRow(r++, new Label("Quantize"), quantize(vm));
        CheckBox withPrimer = new CheckBox("Keep the primer at the start of the result");
        withPrimer.selectedProperty().bindBidirectional(vm.includePrimerProperty());

        Button generate = new Button("Generate", new FontIcon(MaterialDesignC.CREATION));
        generate.setId("generate-start");
        generate.getStyleClass().add("accent-button");
        generate.setDefaultButton(true);
        generate.disableProperty().bind(vm.runningProperty());
        generate.setOnAction(e -> vm.generate());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());

        VBox box = new VBox(10, new Label("Model"), models, model, openModel, new Label("Start from"), primer, primerFile, grid, withPrimer,
                new HBox(8, generate, cancel));
        box.getStyleClass().add("training-form");
        box.setPadding(new Insets(12));
        return box;
    }

    private HBox length(GenerateViewModel vm) {
        Spinner<Integer> notes = Controls.intSpinner("generate-length", vm.lengthNotesProperty(), 1, 100_000, null);
        Spinner<Integer> seconds = Controls.intSpinner("generate-length-seconds", vm.lengthSecondsProperty(), 1, 3600, null);
        Spinner<Integer> bars = Controls.intSpinner("generate-length-bars", vm.lengthBarsProperty(), 1, 1000,
                "Bars at the meter and tempo where the primer ends (4/4 at 120 bpm without one)");
        ComboBox<LengthUnit> unit = new ComboBox<>();
        unit.setId("generate-length-unit");
        unit.getItems().setAll(LengthUnit.values());
        unit.valueProperty().bindBidirectional(vm.lengthUnitProperty());
        showWhen(notes, vm, LengthUnit.NOTES);
        showWhen(seconds, vm, LengthUnit.SECONDS);
        showWhen(bars, vm, LengthUnit.BARS);
        return new HBox(6, notes, seconds, bars, unit);
    }

    private static void showWhen(Spinner<Integer> spinner, GenerateViewModel vm, LengthUnit unit) {
        spinner.setPrefWidth(100);
        spinner.visibleProperty().bind(vm.lengthUnitProperty().isEqualTo(unit));
        spinner.managedProperty().bind(spinner.visibleProperty());
    }

    private ComboBox<String> pitchRange(GenerateViewModel vm) {
        ComboBox<String> range = new ComboBox<>();
        range.setId("generate-pitch-range");
        range.setEditable(true);
        range.getItems().setAll(GenerateViewModel.MODEL_RANGE, GenerateViewModel.PIANO_RANGE, "C2–C7", "C3–C6");
        range.valueProperty().bindBidirectional(vm.pitchRangeProperty());
        range.setTooltip(new Tooltip("The pitches generated notes may have: the range of the model's training pieces, the whole piano, "
                + "or type one as note names or MIDI numbers (C2-G6, 36-91)"));
        range.setMaxWidth(Double.MAX_VALUE);
        return range;
    }

    private ComboBox<Dynamics> dynamics(GenerateViewModel vm) {
        ComboBox<Dynamics> dynamics = new ComboBox<>();
        dynamics.setId("generate-dynamics");
        dynamics.getItems().setAll(Dynamics.choices());
        dynamics.valueProperty().bindBidirectional(vm.dynamicsProperty());
        dynamics.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dynamics d) {
                return d == null ? "" : d.fromPrimer() ? "Primer's / model's" : d.mark() + " (velocity " + d.level() + ")";
            }

            @Override
            public Dynamics fromString(String text) {
                return Dynamics.parse(text);
            }
        });
        dynamics.setTooltip(new Tooltip("Velocity-aware and performance models play their own dynamics; the others take the primer's "
                + "level and spread, or the marking chosen here, shaped in phrases"));
        return dynamics;
    }

    private HBox quantize(GenerateViewModel vm) {
        ComboBox<String> grid = new ComboBox<>();
        grid.setId("generate-quantize");
        grid.getItems().setAll(GenerateViewModel.QUANTIZE_GRIDS);
        grid.valueProperty().bindBidirectional(vm.quantizeGridProperty());
        grid.setTooltip(new Tooltip("Move the generated onsets towards a grid counted from the bar lines (T = triplets)"));
        Spinner<Integer> strength = Controls.intSpinner("generate-quantize-strength", vm.quantizeStrengthProperty(), 0, 100,
                "Strength: 100 % puts onsets on the grid, 50 % halfway");
        strength.setPrefWidth(80);
        strength.disableProperty().bind(vm.quantizeGridProperty().isEqualTo(GenerateViewModel.QUANTIZE_OFF));
        return new HBox(6, grid, strength, new Label("%"));
    }

    private VBox results(GenerateViewModel vm, TransportViewModel transport) {
        ListView<GenerationResult> list = new ListView<>(vm.results());
        list.setId("generate-results");
        list.setPrefHeight(150);
        list.setPlaceholder(new Label("Generated variations appear here."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GenerationResult r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : GenerateViewModel.describe(r));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
        });

        PianoRoll roll = new PianoRoll();
        roll.setId("generate-roll");
        roll.pieceProperty().bind(Bindings.createObjectBinding(() -> vm.selectedProperty().get() == null ? null
                : vm.selectedProperty().get().piece(), vm.selectedProperty()));
        roll.playheadProperty().bind(transport.positionProperty());
        roll.joinSecondsProperty().bind(vm.selectedJoinProperty());
        SharedTransport.follow(this, roll.pieceProperty(), transport);

        Button midi = new Button("Export MIDI…", new FontIcon(MaterialDesignF.FILE_MUSIC_OUTLINE));
        midi.setId("generate-export-midi");
        midi.disableProperty().bind(vm.selectedProperty().isNull());
        midi.setOnAction(e -> save("MIDI files", "*.mid", ".mid").ifPresent(f -> vm.exportMidi(vm.selectedProperty().get(), f)));
        Button wav = new Button("Export WAV…", new FontIcon(MaterialDesignW.WAVEFORM));
        wav.setId("generate-export-wav");
        wav.disableProperty().bind(vm.selectedProperty().isNull());
        wav.setOnAction(e -> save("WAV audio", "*.wav", ".wav").ifPresent(f -> vm.exportWav(vm.selectedProperty().get(), f)));
        CheckBox normalize = new CheckBox("Normalise WAV (peak −1 dBFS)");
        normalize.setId("generate-normalize");
        normalize.selectedProperty().bindBidirectional(vm.normalizeWavProperty());
        HBox exports = new HBox(8, midi, wav, normalize);
        exports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        exports.setPadding(new Insets(6));

        VBox box = new VBox(list, exports, new TransportBar(transport), roll);
        VBox.setVgrow(roll, Priority.ALWAYS);
        // The Report beside the variations; its button shows a copied run in the roll.
        vm.selectedProperty().addListener((o, a, b) -> {
            if (a != b) roll.highlightProperty().set(null);
        });
        ReportView report = new ReportView(vm.report(), vm.selectedProperty(), v -> {
            vm.selectedProperty().set(v.result());
            var copied = v.originality();
            roll.highlightProperty().set(new PianoRoll.Passage(copied.startSeconds(), copied.endSeconds(),
                    "copied: " + copied.longestRun() + " notes from " + copied.source() + ", bar " + copied.sourceBar()));
            roll.showPassage(copied.startSeconds(), copied.endSeconds());
        });
        SplitPane split = new SplitPane(box, report);
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(report, false);
        VBox outer = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        return outer;
    }

    private java.util.Optional<java.nio.file.Path> save(String what, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName("variation" + extension);
        File f = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private HBox progressRow(GenerateViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(240);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("generate-status");
        status.textProperty().bind(vm.statusProperty());
        HBox row = new HBox(12, bar, status);
        row.getStyleClass().add("training-progress-row");
        return row;
    }

}
