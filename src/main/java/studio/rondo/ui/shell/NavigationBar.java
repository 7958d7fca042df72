package studio.rondo.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The column of workspace buttons on the left of the window; bound both ways to the workspace. */
final class NavigationBar extends VBox {

    NavigationBar(MainViewModel vm) {
        getStyleClass().add("nav-bar");
        setAlignment(Pos.TOP_CENTER);
        ToggleGroup group = new ToggleGroup();
        for (Workspace w : Workspace.values()) {
            ToggleButton b = new ToggleButton(w.title(), new FontIcon(w.icon()));
            b.setId("nav-" + w.name().toLowerCase());
            b.getStyleClass().add("nav-button");
            b.setContentDisplay(ContentDisplay.TOP);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setUserData(w);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(w.purpose()));
            b.setSelected(vm.workspaceProperty().get() == w);
            getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true); // one workspace is always shown
            else vm.select((Workspace) now.getUserData());
        });
        vm.workspaceProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
    }
}
