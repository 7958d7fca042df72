package studio.rondo.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a workspace shows until its own view exists: its title, its purpose and what can already be
 * done from the command line. The Dataset, Training and Generate issues replace these one by one.
 */
final class WorkspacePlaceholder extends VBox {

    WorkspacePlaceholder(Workspace w, String comingNote) {
        getStyleClass().add("workspace-placeholder");
        setId("workspace-" + w.name().toLowerCase());
        setAlignment(Pos.CENTER);
        setSpacing(14);
        FontIcon icon = new FontIcon(w.icon());
        icon.getStyleClass().add("workspace-icon");
        Label title = new Label(w.title());
        title.getStyleClass().add("workspace-title");
        Label purpose = new Label(w.purpose());
        purpose.getStyleClass().add("workspace-purpose");
        purpose.setWrapText(true);
        Label note = new Label(comingNote);
        note.getStyleClass().add("workspace-note");
        note.setWrapText(true);
        getChildren().addAll(icon, title, purpose, note);
    }
}
