package studio.rondo.ui.training;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import studio.rondo.music.Piece;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.SharedTransport;
import studio.rondo.ui.player.TransportBar;
import studio.rondo.ui.player.TransportViewModel;

/**
 * Every epoch of the run with its figures and the sketch the model played at its end: select an
 * epoch to see its sketch in the roll and hear it with the transport; save it as MIDI.
 */
final class EpochPane extends SplitPane {

    EpochPane(TrainingViewModel vm, TransportViewModel transport) {
        TableView<EpochRow> table = new TableView<>(vm.rows());
        table.setId("training-epoch-table");
        Label empty = new Label("Each finished epoch is listed here, with a few bars the model plays at its end.");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Epoch", "The epoch's number", r -> Integer.toString(r.metrics().epoch())));
        table.getColumns().add(column("Train", "Loss on the training pieces, averaged over the epoch", r -> num(r.metrics().trainLoss())));
        table.getColumns().add(column("Valid.", "Loss on the validation pieces (never trained on)", r -> num(r.metrics().valLoss())));
        table.getColumns().add(column("Top-1", "Validation: next pitch guessed right at the first try", r -> pct(r.metrics().valTop1())));
        table.getColumns().add(column("Top-5", "Validation: next pitch among the five first guesses", r -> pct(r.metrics().valTop5())));
        table.getColumns().add(column("NLL", "Validation: surprise per event in nats (lower is better)", r -> num(r.metrics().valNll())));
        table.getColumns().add(column("Win/s", "Training windows per second", r -> String.format(Locale.ROOT, "%.0f", r.metrics().windowsPerSecond())));
        table.getColumns().add(column("Time", "How long the epoch took", r -> TrainingViewModel.duration(r.metrics().seconds())));
        TableColumn<EpochRow, String> sketch = new TableColumn<>("Sketch");
        sketch.setCellValueFactory(d -> Bindings.createStringBinding(() -> d.getValue().sampleProperty().get() != null
                ? "♪ " + d.getValue().sampleProperty().get().notes().size() + " notes" : d.getValue().sampleStateProperty().get(),
                d.getValue().sampleProperty(), d.getValue().sampleStateProperty()));
        sketch.setGraphic(hint("Sketch", "A few bars from the same primer and seed after every epoch: hear the model learn"));
        sketch.setText(null);
        table.getColumns().add(sketch);
        for (TableColumn<EpochRow, ?> c : table.getColumns()) c.setMinWidth(48);
        // The newest epoch is the one to look at.
        vm.rows().addListener((javafx.collections.ListChangeListener<EpochRow>) c -> {
            if (!vm.rows().isEmpty()) table.scrollTo(vm.rows().size() - 1);
        });

        ObservableValue<EpochRow> selected = table.getSelectionModel().selectedItemProperty();
        javafx.beans.property.ObjectProperty<Piece> piece = new javafx.beans.property.SimpleObjectProperty<>();
        selected.addListener((obs, old, now) -> {
            piece.unbind();
            if (now == null) piece.set(null);
            else piece.bind(now.sampleProperty());
        });
        PianoRoll roll = new PianoRoll();
        roll.setId("training-sketch-roll");
        roll.pieceProperty().bind(piece);
        roll.playheadProperty().bind(transport.positionProperty());
        SharedTransport.follow(this, piece, transport);

        Button save = new Button("Save…", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("training-save-sketch");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> piece.getValue() == null, piece));
        save.setOnAction(e -> {
            EpochRow row = selected.getValue();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the sketch of epoch " + row.metrics().epoch());
            chooser.setInitialFileName("sketch-epoch-" + row.metrics().epoch() + ".mid");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.saveSketch(row, f.toPath());
        });
        Label which = new Label();
        which.setId("training-sketch-label");
        which.textProperty().bind(Bindings.createStringBinding(() -> selected.getValue() == null
                ? "Select an epoch to hear it."
                : "Epoch " + selected.getValue().metrics().epoch() + ": " + selected.getValue().readiness().words() + ".", selected));
        which.setWrapText(true);
        HBox.setHgrow(which, Priority.ALWAYS);
        which.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, which, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        VBox sketchBox = new VBox(bar, new TransportBar(transport), roll);
        VBox.setVgrow(roll, Priority.ALWAYS);
        roll.setMinHeight(80);

        getItems().addAll(table, sketchBox);
        setDividerPositions(0.6);
        setOrientation(javafx.geometry.Orientation.HORIZONTAL);
    }

    private static Label hint(String title, String tip) {
        Label l = new Label(title);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    private static TableColumn<EpochRow, String> column(String title, String tip, Function<EpochRow, String> value) {
        TableColumn<EpochRow, String> c = new TableColumn<>();
        c.setGraphic(hint(title, tip));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    static String num(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
