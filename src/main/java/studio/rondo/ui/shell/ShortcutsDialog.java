package studio.rondo.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Help > Keyboard shortcuts: the keys and gestures of the piano roll and the window. */
final class ShortcutsDialog {
    static final String[][] SHORTCUTS = {
            {"Space", "Play / pause (in the piano roll)"},
            {"Click, Shift/Ctrl+click", "Select a note, add or remove one from the selection"},
            {"Drag on an empty place", "Select with a rubber band (Shift/Ctrl: add to the selection)"},
            {"Double-click, or D then drag", "Add a note (D switches the draw mode)"},
            {"Drag a note / its right edge", "Move it (time and pitch) / change its length, snapped to the grid; Alt: no snap"},
            {"Drag in the velocity lane", "Change velocities (all selected notes together)"},
            {"Delete, Backspace", "Delete the selected notes"},
            {"↑ / ↓ (Shift)", "Transpose a semitone (an octave)"},
            {"← / → (Shift)", "Move by one grid step (one bar)"},
            {"Q", "Quantize the selection at the chosen strength"},
            {"Ctrl+Z, Ctrl+Shift+Z (Ctrl+Y)", "Undo, redo"},
            {"Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", "Select all, copy, cut, paste (at the last place clicked)"},
            {"Ctrl+wheel, Ctrl+Shift+wheel", "Zoom in time, zoom the keys"},
            {"Shift+wheel", "Scroll in time"},
            {"Click on the ruler", "Move the playhead there"},
            {"Ctrl+0", "Fit the piece's length and range"},
            {"Ctrl+O", "Open a MIDI file"},
            {"Ctrl+1 / 2 / 3", "Dataset, Training, Generate"},
            {"Ctrl+,", "Preferences"},
    };

    private ShortcutsDialog() {
    }

    static Alert create(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(5);
        grid.setPadding(new Insets(6));
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(i, key, new Label(SHORTCUTS[i][1]));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts and gestures");
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("shortcuts-dialog");
        return alert;
    }
}
