package studio.rondo.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;

/** Small control factories the workspaces share. */
public final class Controls {
    private Controls() {
    }

    /** An editable whole-number spinner kept in step with a ViewModel property, both ways. */
    public static Spinner<Integer> intSpinner(String id, IntegerProperty value, int min, int max, String help) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value.get())));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        if (help != null) s.setTooltip(new Tooltip(help));
        s.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) value.set(now);
        });
        value.addListener((obs, old, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }
}
