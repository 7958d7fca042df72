package studio.rondo.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.dataset.PieceSummary;
import studio.rondo.dataset.Split;
import studio.rondo.music.Pitches;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportBar;
import studio.rondo.ui.player.SharedTransport;
import studio.rondo.ui.player.TransportViewModel;

/**
 * The Dataset workspace: a toolbar to add files and folders (or drop them here), the table of
 * pieces with their split and status, and the selected piece in a piano roll with playback.
 */
public final class DatasetView extends BorderPane {
    private final DatasetViewModel vm;
    private final TableView<CorpusEntry> table = new TableView<>();

    public DatasetView(DatasetViewModel vm, TransportViewModel transport) {
        this.vm = vm;
        setId("workspace-dataset");
        getStyleClass().add("dataset-view");
        setTop(new VBox(toolbar(), progressRow()));
        PianoRoll roll = new PianoRoll();
        roll.setId("dataset-roll");
        roll.pieceProperty().bind(vm.selectedPieceProperty());
        roll.editorProperty().bind(vm.selectedEditorProperty()); // read-only: select notes to start a generation from
        roll.playheadProperty().bind(transport.positionProperty());
        roll.setOnTogglePlay(transport::togglePlay);
        roll.setOnSeek(transport::seek);
        roll.setOnKeyPlayed(transport::previewNote);
        SharedTransport.follow(this, vm.selectedPieceProperty(), transport);
        VBox bottom = new VBox(new TransportBar(transport), roll);
        VBox.setVgrow(roll, Priority.ALWAYS);
        SplitPane split = new SplitPane(buildTable(), bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        setBottom(footer());
        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
    }

    private ToolBar toolbar() {
        Button addFolder = new Button("Add folder…", new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        addFolder.setId("dataset-add-folder");
        addFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Add a folder of MIDI files");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.add(List.of(dir.toPath()));
        });
        Button addFiles = new Button("Add files…", new FontIcon(MaterialDesignF.FILE_MUSIC_OUTLINE));
        addFiles.setId("dataset-add-files");
        addFiles.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Add MIDI files");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi", "*.MID"));
            List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (files != null) vm.add(files.stream().map(File::toPath).toList());
        });
        Button download = new Button("Download…", new FontIcon(MaterialDesignC.CLOUD_DOWNLOAD_OUTLINE));
        download.setId("dataset-download");
        download.setTooltip(new Tooltip("Download a public corpus (piano-midi.de, MAESTRO); its license and size are shown first"));
        download.setOnAction(e -> DownloadDialog.choose(getScene().getWindow(), vm.catalog()).ifPresent(vm::download));
        download.disableProperty().bind(vm.busyProperty());
        addFolder.disableProperty().bind(vm.busyProperty());
        addFiles.disableProperty().bind(vm.busyProperty());

        Button toTrain = new Button("Training", new FontIcon(MaterialDesignA.ARROW_LEFT_BOLD_OUTLINE));
        toTrain.setId("dataset-to-train");
        toTrain.setTooltip(new Tooltip("Put the selected pieces on the training side"));
        toTrain.setOnAction(e -> moveSelected(Split.TRAIN));
        Button toValidation = new Button("Validation", new FontIcon(MaterialDesignA.ARROW_RIGHT_BOLD_OUTLINE));
        toValidation.setId("dataset-to-validation");
        toValidation.setTooltip(new Tooltip("Put the selected pieces on the validation side: the model never trains on them, "
                + "they measure how well it generalises"));
        toValidation.setOnAction(e -> moveSelected(Split.VALIDATION));
        Button remove = new Button("Remove", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("dataset-remove");
        remove.setTooltip(new Tooltip("Remove the selected pieces from the corpus (the files stay on disk)"));
        remove.setOnAction(e -> vm.remove(List.copyOf(table.getSelectionModel().getSelectedItems())));
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty());
        toTrain.disableProperty().bind(noSelection);
        toValidation.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);

        TextField filter = TextFields.createClearableTextField();
        filter.setId("dataset-filter");
        filter.setPromptText("Filter by name, folder or problem");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label moveLabel = new Label("Move to:");
        return new ToolBar(addFolder, addFiles, download, new javafx.scene.control.Separator(), moveLabel, toTrain, toValidation, remove,
                spacer, filter);
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("dataset-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(260);
        Label text = new Label();
        text.textProperty().bind(vm.progressTextProperty());
        text.setMinWidth(0);
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("dataset-cancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, cancel, text);
        row.getStyleClass().add("progress-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.busyProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private TableView<CorpusEntry> buildTable() {
        table.setId("dataset-table");
        table.setPlaceholder(new Label("No pieces yet. Add a folder of MIDI files, or drop files and folders here."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Piece", CorpusEntry::displayName, 180));
        table.getColumns().add(text("Folder", e -> e.summary() != null ? e.summary().folder() : e.file().getParent().getFileName().toString(), 90));
        table.getColumns().add(number("Duration", s -> s.durationSeconds(), v -> minutes(v.doubleValue())));
        table.getColumns().add(number("Notes", s -> s.notes(), v -> String.format(Locale.ROOT, "%,d", v.intValue())));
        table.getColumns().add(number("Tracks", s -> s.tracks(), v -> Integer.toString(v.intValue())));
        table.getColumns().add(text("Range", e -> e.summary() == null || e.summary().lowestPitch() < 0 ? ""
                : Pitches.name(e.summary().lowestPitch()) + "–" + Pitches.name(e.summary().highestPitch()), 70));
        table.getColumns().add(number("Tempos", s -> s.tempoEvents(), v -> Integer.toString(v.intValue())));
        table.getColumns().add(text("Split", e -> e.split() == Split.TRAIN ? "training" : "validation", 80));
        TableColumn<CorpusEntry, String> status = text("Status", e -> e.ok() ? "ok" : e.problem(), 220);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
                getStyleClass().remove("status-problem");
                if (!empty && item != null && !"ok".equals(item)) getStyleClass().add("status-problem");
            }
        });
        table.getColumns().add(status);
        SortedList<CorpusEntry> sorted = new SortedList<>(vm.visibleEntries());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().clearAndSelect(table.getItems().indexOf(now));
                table.scrollTo(now);
            }
        });
        MenuItem toTrain = new MenuItem("Move to training");
        toTrain.setOnAction(e -> moveSelected(Split.TRAIN));
        MenuItem toVal = new MenuItem("Move to validation");
        toVal.setOnAction(e -> moveSelected(Split.VALIDATION));
        MenuItem remove = new MenuItem("Remove from corpus");
        remove.setOnAction(e -> vm.remove(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.setContextMenu(new ContextMenu(toTrain, toVal, remove));
        return table;
    }

    private HBox footer() {
        Label totals = new Label();
        totals.setId("dataset-totals");
        totals.textProperty().bind(vm.totalsTextProperty());
        Label message = new Label();
        message.setId("dataset-message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("dataset-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(12, totals, spacer, message);
        footer.getStyleClass().add("dataset-footer");
        return footer;
    }

    private void moveSelected(Split split) {
        for (CorpusEntry e : List.copyOf(table.getSelectionModel().getSelectedItems())) vm.move(e, split);
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) vm.add(e.getDragboard().getFiles().stream().map(File::toPath).map(Path::toAbsolutePath).toList());
        e.setDropCompleted(ok);
        e.consume();
    }

    private static TableColumn<CorpusEntry, String> text(String title, Function<CorpusEntry, String> value, double width) {
        TableColumn<CorpusEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A numeric column that sorts by number and shows formatted text; empty for unread files. */
    private static TableColumn<CorpusEntry, Number> number(String title, Function<PieceSummary, Number> value,
                                                          Function<Number, String> format) {
        TableColumn<CorpusEntry, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary() == null ? null : value.apply(d.getValue().summary())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(80);
        return c;
    }

    static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
