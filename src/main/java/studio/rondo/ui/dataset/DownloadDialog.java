package studio.rondo.ui.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import studio.rondo.dataset.catalog.CatalogEntry;

/** Lets the musician pick a public corpus, showing its license and size before anything is fetched. */
final class DownloadDialog {
    private DownloadDialog() {
    }

    static Optional<CatalogEntry> choose(Window owner, List<CatalogEntry> catalog) {
        Dialog<CatalogEntry> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Download a public corpus");
        dialog.setHeaderText("Choose a collection of MIDI files to download and add to your corpus.");
        ListView<CatalogEntry> list = new ListView<>();
        list.setId("download-list");
        list.getItems().setAll(catalog);
        list.setPrefSize(560, 280);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CatalogEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.title() + " — " + size(e) + " — " + e.license());
            }
        });
        Label details = new Label("Select a corpus to see what it holds and its license.");
        details.setId("download-details");
        details.setWrapText(true);
        details.setMaxWidth(560);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> details.setText(e == null ? "" :
                e.description() + "\n\nLicense: " + e.license() + (e.attribution() != null ? " — credit: " + e.attribution() : "")
                        + (e.licenseUrl() != null ? " (" + e.licenseUrl() + ")" : "") + "\nSize: " + size(e) + "\nFrom: " + e.url()));
        ButtonType download = new ButtonType("Download", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(download, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(download).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(new VBox(10, list, details));
        dialog.setResultConverter(b -> b == download ? list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait();
    }

    static String size(CatalogEntry e) {
        return e.expectedBytes() == null ? "size not published" : String.format(Locale.ROOT, "%.1f MB", e.expectedBytes() / 1e6);
    }
}
