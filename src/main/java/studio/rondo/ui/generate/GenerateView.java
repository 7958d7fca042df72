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
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import java.util.List;
import javafx.util.StringConverter;
import studio.rondo.engine.generate.Dynamics;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.ui.common.Controls;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportBar;
import studio.rondo.ui.player.TransportViewModel;

/** The Generate workspace: model and controls on the left, variations with piano roll and playback on the right. */
public final class GenerateView extends BorderPane {
    private HBox generateButtons;

    public GenerateView(GenerateViewModel vm, TransportViewModel transport) {
        setId("workspace-generate");
        ScrollPane form = new ScrollPane(form(vm));
        form.setFitToWidth(true);
        // Generate and Cancel stay in view below the form, however short the window
        BorderPane left = new BorderPane(form);
        left.setBottom(generateButtons);
        left.setMinWidth(300);
        SplitPane split = new SplitPane(left, results(vm, transport));
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

        Spinner<Integer> fromBar = Controls.intSpinner("generate-primer-from-bar", vm.primerFromBarProperty(), 1, 10_000, "First bar of the primer");
        Spinner<Integer> toBar = Controls.intSpinner("generate-primer-to-bar", vm.primerToBarProperty(), 1, 10_000, "Last bar of the primer (included)");
        fromBar.setPrefWidth(90);
        toBar.setPrefWidth(90);
        HBox bars = new HBox(6, new Label("Bars"), fromBar, new Label("to"), toBar);
        bars.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bars.visibleProperty().bind(vm.primerSourceProperty().isEqualTo(PrimerSource.SELECTED_BARS));
        bars.managedProperty().bind(bars.visibleProperty());
        Label primerName = new Label();
        primerName.setId("generate-primer-name");
        primerName.setWrapText(true);
        primerName.getStyleClass().add("primer-name");
        primerName.textProperty().bind(vm.primerTextProperty());
        VBox box = new VBox(10, new Label("Model"), models, model, openModel, new Label("Start from"), primer, primerFile, bars, primerName, grid, withPrimer);
        generateButtons = new HBox(8, generate, cancel);
        generateButtons.getStyleClass().add("generate-buttons");
        generateButtons.setPadding(new Insets(8, 12, 8, 12));
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

    private SplitPane results(GenerateViewModel vm, TransportViewModel transport) {
        ListView<GenerationResult> list = new ListView<>(vm.results());
        list.setId("generate-results");
        list.setPrefHeight(104);
        list.setMinHeight(70);
        list.setPlaceholder(new Label("Generated variations appear here."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GenerationResult r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : vm.describeEdited(r));
            }
        });
        list.setTooltip(new Tooltip("Drag a variation out of here into your DAW or onto the desktop: it arrives as a .mid file, with your edits"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
        });
        vm.undoTextProperty().addListener((o, a, b) -> list.refresh()); // the ✎ mark of an edited variation
        list.setOnDragDetected(e -> {
            GenerationResult r = list.getSelectionModel().getSelectedItem();
            if (r == null) return;
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rondo-drag");
                java.nio.file.Path file = dir.resolve(vm.defaultFileName(r, ".mid"));
                studio.rondo.midi.MidiWriter.write(vm.editedPiece(r), file);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                javafx.scene.input.Dragboard db = list.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putFiles(List.of(file.toFile()));
                db.setContent(content);
            } catch (java.io.IOException ex) {
                // nothing to drag: the export buttons still work
            }
            e.consume();
        });

        PianoRoll roll = new PianoRoll();
        roll.setId("generate-roll");
        roll.editableProperty().set(true);
        roll.velocityLaneProperty().set(true);
        roll.editorProperty().bind(vm.selectedEditorProperty());
        roll.pieceProperty().bind(vm.selectedPieceProperty());
        roll.playheadProperty().bind(transport.positionProperty());
        roll.joinSecondsProperty().bind(vm.selectedJoinProperty());
        roll.primerLabelProperty().bind(vm.selectedPrimerLabelProperty());
        roll.setOnTogglePlay(transport::togglePlay);
        roll.setOnSeek(transport::seek);
        roll.setOnKeyPlayed(transport::previewNote);
        roll.loopSecondsProperty().bind(transport.loopProperty());
        followWithTransport(vm, transport);

        Button midi = new Button("Export MIDI…", new FontIcon(MaterialDesignF.FILE_MUSIC_OUTLINE));
        midi.setId("generate-export-midi");
        midi.disableProperty().bind(vm.selectedProperty().isNull());
        midi.setOnAction(e -> save(vm, "MIDI files", "*.mid", ".mid").ifPresent(f -> vm.exportMidi(vm.selectedProperty().get(), f)));
        Button wav = new Button("Export WAV…", new FontIcon(MaterialDesignW.WAVEFORM));
        wav.setId("generate-export-wav");
        wav.disableProperty().bind(vm.selectedProperty().isNull());
        wav.setOnAction(e -> save(vm, "WAV audio", "*.wav", ".wav").ifPresent(f -> vm.exportWav(vm.selectedProperty().get(), f)));
        Button all = new Button("Export all…", new FontIcon(MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE));
        all.setId("generate-export-all");
        all.setTooltip(new Tooltip("Write every variation, with your edits, into one folder (named by piece, model, seed and variation)"));
        all.disableProperty().bind(Bindings.isEmpty(vm.results()));
        all.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Export all variations to");
            File start = initialFolder(vm);
            if (start != null) chooser.setInitialDirectory(start);
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.exportAll(dir.toPath());
        });
        CheckBox wavToo = new CheckBox("with WAV");
        wavToo.setId("generate-export-all-wav");
        wavToo.setTooltip(new Tooltip("Export all writes a .wav beside each .mid"));
        wavToo.selectedProperty().bindBidirectional(vm.exportWavTooProperty());
        CheckBox normalize = new CheckBox("Normalise WAV");
        normalize.setId("generate-normalize");
        normalize.setTooltip(new Tooltip("WAV exports peak at −1 dBFS"));
        normalize.selectedProperty().bindBidirectional(vm.normalizeWavProperty());
        javafx.scene.layout.FlowPane exports = new javafx.scene.layout.FlowPane(8, 4, midi, wav, all, wavToo, normalize);
        exports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        exports.setPadding(new Insets(6));

        VBox variations = new VBox(list, exports);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox editing = new VBox(new TransportBar(transport), editBar(vm, roll, transport), roll);
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
        // Variations and their Report side by side; the roll and its tools below at the full width.
        SplitPane top = new SplitPane(variations, report);
        top.setDividerPositions(0.6);
        SplitPane outer = new SplitPane(top, editing);
        outer.setOrientation(javafx.geometry.Orientation.VERTICAL);
        outer.setDividerPositions(0.42);
        return outer;
    }

    /** The edit tools over the roll: draw mode, snap, quantize, undo/redo, zoom and fit, the velocity lane. */
    private javafx.scene.control.ToolBar editBar(GenerateViewModel vm, PianoRoll roll, TransportViewModel transport) {
        javafx.scene.control.ToggleButton loop = new javafx.scene.control.ToggleButton(null, new FontIcon(MaterialDesignR.REPEAT));
        loop.setId("roll-loop");
        loop.setTooltip(new Tooltip("Loop the selected notes' span while playing (select notes first)"));
        loop.setOnAction(e -> {
            double[] span = roll.selectionSeconds();
            if (loop.isSelected() && span != null) transport.setLoop(span[0], span[1]);
            else transport.clearLoop();
        });
        transport.loopProperty().addListener((o, a, b) -> loop.setSelected(b != null));
        javafx.scene.control.ToggleButton draw = new javafx.scene.control.ToggleButton(null, new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        draw.setId("roll-draw");
        draw.setTooltip(new Tooltip("Draw notes (D): click or drag on an empty place. Without it, drag selects and double-click adds"));
        draw.selectedProperty().bindBidirectional(roll.drawModeProperty());
        ComboBox<studio.rondo.music.edit.SnapGrid> snap = new ComboBox<>();
        snap.setId("roll-snap");
        snap.getItems().setAll(studio.rondo.music.edit.SnapGrid.values());
        snap.valueProperty().bindBidirectional(roll.snapProperty());
        snap.setTooltip(new Tooltip("Snap: moves, lengths and new notes land on this grid (hold Alt while dragging for none)"));
        Button quantize = new Button("Quantize", new FontIcon(MaterialDesignM.MAGNET));
        quantize.setId("roll-quantize");
        quantize.setTooltip(new Tooltip("Move the selected notes' onsets towards the snap grid by the strength (Q)"));
        quantize.setOnAction(e -> roll.quantizeSelection());
        Spinner<Integer> strength = new Spinner<>(0, 100, 100, 10);
        strength.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v + " %";
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.parseInt(text.replace("%", "").trim());
                } catch (NumberFormatException e) {
                    return 100;
                }
            }
        });
        strength.setId("roll-quantize-strength");
        strength.setEditable(true);
        strength.setPrefWidth(84);
        strength.setTooltip(new Tooltip("Quantize strength: 100 % puts onsets on the grid, 50 % halfway"));
        strength.valueProperty().addListener((o, a, b) -> roll.quantizeStrengthProperty().set(b / 100.0));
        Button undo = new Button(null, new FontIcon(MaterialDesignU.UNDO));
        undo.setId("roll-undo");
        undo.disableProperty().bind(vm.undoTextProperty().isEmpty());
        undo.setOnAction(e -> roll.undo());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(Bindings.createStringBinding(() -> vm.undoTextProperty().get() + " (Ctrl+Z)", vm.undoTextProperty()));
        undo.setTooltip(undoTip);
        Button redo = new Button(null, new FontIcon(MaterialDesignR.REDO));
        redo.setId("roll-redo");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        redo.setOnAction(e -> roll.redo());
        Button fit = new Button(null, new FontIcon(MaterialDesignF.FIT_TO_PAGE_OUTLINE));
        fit.setTooltip(new Tooltip("Fit the piece's length and pitch range (View > Fit, Ctrl+0)"));
        fit.setOnAction(e -> roll.fit());
        Button wider = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        wider.setTooltip(new Tooltip("Zoom in time (Ctrl+wheel)"));
        wider.setOnAction(e -> roll.zoom(1.5, 0));
        Button narrower = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        narrower.setTooltip(new Tooltip("Zoom out in time (Ctrl+wheel)"));
        narrower.setOnAction(e -> roll.zoom(1 / 1.5, 0));
        Button taller = new Button(null, new FontIcon(MaterialDesignA.ARROW_EXPAND_VERTICAL));
        taller.setTooltip(new Tooltip("Taller keys (Ctrl+Shift+wheel)"));
        taller.setOnAction(e -> roll.zoomKeys(1.25));
        Button shorter = new Button(null, new FontIcon(MaterialDesignA.ARROW_COLLAPSE_VERTICAL));
        shorter.setTooltip(new Tooltip("Shorter keys: more octaves in view"));
        shorter.setOnAction(e -> roll.zoomKeys(0.8));
        javafx.scene.control.ToggleButton velocity = new javafx.scene.control.ToggleButton(null, new FontIcon(MaterialDesignC.CHART_BAR));
        velocity.setTooltip(new Tooltip("Show the velocity lane under the roll; drag a stem to change a note's velocity (all selected ones move together)"));
        velocity.selectedProperty().bindBidirectional(roll.velocityLaneProperty());
        Label selection = new Label();
        selection.setId("roll-selection");
        selection.textProperty().bind(roll.selectionTextProperty());
        selection.setMinWidth(0);
        // the selection count comes before the view buttons: those are also in the View menu when the bar overflows
        javafx.scene.control.ToolBar bar = new javafx.scene.control.ToolBar(draw, new Label("Snap"), snap, quantize, strength,
                new javafx.scene.control.Separator(), undo, redo, new javafx.scene.control.Separator(), selection,
                new javafx.scene.control.Separator(), fit, wider, narrower, taller, shorter, velocity, loop);
        bar.getStyleClass().add("roll-tools");
        bar.disableProperty().bind(vm.selectedEditorProperty().isNull());
        return bar;
    }

    /** The player plays the variation as edited: a new variation loads at its start, an edit keeps the place. */
    private void followWithTransport(GenerateViewModel vm, TransportViewModel transport) {
        Object[] lastEditor = {null};
        vm.selectedPieceProperty().addListener((o, a, b) -> {
            if (getScene() == null) return;
            Object ed = vm.selectedEditorProperty().get();
            if (ed != null && ed == lastEditor[0]) transport.reload(b);
            else transport.load(b);
            lastEditor[0] = ed;
        });
        sceneProperty().addListener((o, a, now) -> {
            if (now != null) {
                transport.load(vm.selectedPieceProperty().get());
                lastEditor[0] = vm.selectedEditorProperty().get();
            }
        });
    }

    private static File initialFolder(GenerateViewModel vm) {
        java.nio.file.Path p = vm.exportFolderProperty().get();
        return p != null && java.nio.file.Files.isDirectory(p) ? p.toFile() : null;
    }

    private java.util.Optional<java.nio.file.Path> save(GenerateViewModel vm, String what, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        GenerationResult r = vm.selectedProperty().get();
        chooser.setInitialFileName(r == null ? "variation" + extension : vm.defaultFileName(r, extension));
        File start = initialFolder(vm);
        if (start != null) chooser.setInitialDirectory(start);
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
