package studio.rondo.ui.training;

import java.awt.Desktop;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.store.ModelLibrary;

/** The models folder as a library: figures per model, file commands, and which models to compare. */
final class LibraryPane extends BorderPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    LibraryPane(LibraryViewModel lib, TrainingViewModel training) {
        TableView<ModelLibrary.Entry> table = new TableView<>(lib.entries());
        table.setId("library-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("Your trained models appear here. Train one, or import a model file."));
        // Columns at their natural widths, scrolling sideways in a narrow window, rather than cut to "pitch-st…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ModelLibrary.Entry, Boolean> compare = new TableColumn<>();
        compare.setGraphic(hint("Compare", "Draw this model's validation curves beside the run's"));
        compare.setEditable(true);
        compare.setCellValueFactory(d -> {
            SimpleBooleanProperty on = new SimpleBooleanProperty(lib.compared().contains(d.getValue().file()));
            on.addListener((o, a, b) -> {
                if (b) lib.compared().add(d.getValue().file());
                else lib.compared().remove(d.getValue().file());
            });
            return on;
        });
        compare.setCellFactory(CheckBoxTableCell.forTableColumn(compare));

        table.getColumns().add(compare);
        table.getColumns().add(column("Model", "The file name in your models folder", e -> e.name() + (e.stopped() ? " (stopped)" : "")));
        table.getColumns().add(column("Preset", "How the model encodes music and what network it has",
                e -> e.readable() ? Presets.byId(e.info().preset()).map(p -> p.title()).orElse(e.info().preset()) : "unreadable: " + e.problem()));
        table.getColumns().add(column("Sizes", "LSTM layers x units", ModelLibrary.Entry::sizes));
        table.getColumns().add(column("Corpus", "Pieces it learned from and was measured on", ModelLibrary.Entry::corpus));
        table.getColumns().add(column("Epochs", "Epochs trained", e -> Integer.toString(e.epochs())));
        table.getColumns().add(column("Best NLL", "Lowest validation NLL (nats per event)", e -> e.best().map(m -> EpochPane.num(m.valNll())).orElse("–")));
        table.getColumns().add(column("Top-1", "Validation top-1 at that epoch", e -> e.best().map(m -> EpochPane.pct(m.valTop1())).orElse("–")));
        table.getColumns().add(column("Date", "When the file was last written", e -> DATE.format(e.modified())));
        table.getColumns().add(column("Size", "File size", e -> String.format(Locale.ROOT, "%.1f MB", e.bytes() / 1e6)));
        lib.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        lib.compared().addListener((javafx.collections.SetChangeListener<java.nio.file.Path>) c -> table.refresh());
        double[] widths = {70, 250, 230, 90, 210, 60, 80, 70, 130, 70};
        for (int i = 0; i < table.getColumns().size() && i < widths.length; i++) table.getColumns().get(i).setPrefWidth(widths[i]);

        var none = table.getSelectionModel().selectedItemProperty().isNull();
        var notModel = Bindings.createBooleanBinding(() -> {
            ModelLibrary.Entry e = table.getSelectionModel().getSelectedItem();
            return e == null || !e.readable();
        }, table.getSelectionModel().selectedItemProperty());
        Button use = button("Use for generation", MaterialDesignP.PLAY_BOX_MULTIPLE_OUTLINE, "library-use", "Open the Generate workspace with this model");
        use.disableProperty().bind(notModel);
        use.setOnAction(e -> lib.useForGeneration(table.getSelectionModel().getSelectedItem()));
        Button train = button("Continue training", MaterialDesignR.REPLAY, "library-continue", "Train this model further with its own settings");
        train.disableProperty().bind(notModel.or(training.runningProperty()));
        train.setOnAction(e -> training.continueModel(table.getSelectionModel().getSelectedItem()));
        Button rename = button("Rename…", MaterialDesignF.FORM_TEXTBOX, "library-rename", "Rename the model file (and its checkpoint)");
        rename.disableProperty().bind(none);
        rename.setOnAction(e -> {
            ModelLibrary.Entry m = table.getSelectionModel().getSelectedItem();
            TextInputDialog d = new TextInputDialog(m.name());
            d.initOwner(getScene().getWindow());
            d.setTitle("Rename model");
            d.setHeaderText("New name for " + m.name());
            d.showAndWait().ifPresent(name -> lib.rename(m, name));
        });
        Button duplicate = button("Duplicate", MaterialDesignC.CONTENT_COPY, "library-duplicate", "Copy the model file");
        duplicate.disableProperty().bind(none);
        duplicate.setOnAction(e -> lib.duplicate(table.getSelectionModel().getSelectedItem()));
        Button delete = button("Delete…", MaterialDesignD.DELETE_OUTLINE, "library-delete", "Delete the model file and its checkpoint");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> {
            ModelLibrary.Entry m = table.getSelectionModel().getSelectedItem();
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + m.file().getFileName() + " and its checkpoint? This cannot be undone.",
                    ButtonType.CANCEL, ButtonType.OK);
            a.initOwner(getScene().getWindow());
            a.setHeaderText("Delete " + m.name() + "?");
            a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> lib.delete(m));
        });
        Button reveal = button("Show in folder", MaterialDesignF.FOLDER_OPEN_OUTLINE, "library-reveal", "Open the models folder in the file manager");
        reveal.setOnAction(e -> reveal(lib));
        Button importModel = button("Import…", MaterialDesignI.IMPORT, "library-import", "Copy a model file into your models folder");
        importModel.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import a Rondo model");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rondo models", "*.zip"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) lib.importModel(f.toPath());
        });
        Button export = button("Export…", MaterialDesignE.EXPORT, "library-export", "Write a lean copy for sharing (no optimizer state)");
        export.disableProperty().bind(notModel);
        export.setOnAction(e -> {
            ModelLibrary.Entry m = table.getSelectionModel().getSelectedItem();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + m.name());
            chooser.setInitialFileName(m.name() + "-share.zip");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rondo models", "*.zip"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) lib.export(m, f.toPath());
        });
        FlowPane buttons = new FlowPane(6, 6, use, train, rename, duplicate, delete, reveal, importModel, export);
        buttons.setPadding(new Insets(6, 8, 4, 8));
        Label message = new Label();
        message.setId("library-message");
        message.textProperty().bind(lib.messageProperty());
        message.setWrapText(true);
        message.setPadding(new Insets(0, 8, 6, 8));
        setTop(buttons);
        setCenter(table);
        setBottom(message);
        BorderPane.setAlignment(message, Pos.CENTER_LEFT);
    }

    private static void reveal(LibraryViewModel lib) {
        File dir = lib.folder().toFile();
        // The file manager is the desktop's business: off the FX thread, and quietly absent on a server.
        Thread t = new Thread(() -> {
            try {
                dir.mkdirs();
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) Desktop.getDesktop().open(dir);
            } catch (Exception ignored) {
                // no file manager here: the folder's path is in the tooltip
            }
        }, "rondo-reveal");
        t.setDaemon(true);
        t.start();
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static Label hint(String title, String tip) {
        Label l = new Label(title);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    private static TableColumn<ModelLibrary.Entry, String> column(String title, String tip, Function<ModelLibrary.Entry, String> value) {
        TableColumn<ModelLibrary.Entry, String> c = new TableColumn<>();
        c.setGraphic(hint(title, tip));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setEditable(false);
        return c;
    }
}
