package studio.rondo.ui.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Engine settings a musician may want to change: for now the number of engine threads. */
final class PreferencesDialog {
    private PreferencesDialog() {
    }

    static void show(Window owner, MainViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Preferences");
        dialog.setHeaderText("Engine");
        int cores = Runtime.getRuntime().availableProcessors();
        Spinner<Integer> threads = new Spinner<>(1, Math.max(1, cores), vm.threads());
        threads.setId("pref-threads");
        Label help = new Label("Training splits its work over this many threads. All cores ("
                + cores + " on this machine) is fastest; fewer keeps the computer responsive for other work while training.");
        help.setId("pref-threads-help");
        help.setWrapText(true);
        help.setMaxWidth(380);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Engine threads"), threads);
        grid.add(help, 0, 1, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.setThreads(threads.getValue()));
    }
}
