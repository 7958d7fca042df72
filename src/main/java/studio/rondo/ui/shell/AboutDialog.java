package studio.rondo.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import studio.rondo.app.AppInfo;

/** Version, engine and the licenses of what the studio bundles or downloads. */
final class AboutDialog {
    static final String LICENSES = """
            Rondo Studio is licensed under the Apache License, Version 2.0
            (the LICENSE file installed with it; https://www.apache.org/licenses/LICENSE-2.0).

            Bundled models ("Piano", "Expressive piano" in the Generate workspace): trained on
            the piano-midi.de collection, "Bernd Krueger, Source: www.piano-midi.de", licensed
            under CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/); the
            models are shared under the same license, CC BY-SA 3.0 DE, with that attribution.

            Rondo Studio bundles no music. Corpora you download
            from the Dataset workspace keep their own licenses:
              • piano-midi.de — Bernd Krueger, CC BY-SA 3.0 DE
                ("Bernd Krueger, Source: www.piano-midi.de")
              • MAESTRO v3 MIDI — Google / Magenta, CC BY-NC-SA 4.0

            Sounds: Java's Gervill synthesizer (GPLv2 with Classpath Exception) and its
            built-in sound set, or a SoundFont (.sf2) you choose, under its own license.

            Libraries:
              • OpenJFX — GPLv2 with Classpath Exception
              • Deeplearning4j, ND4J, JavaCPP — Apache License 2.0
              • OpenBLAS — BSD 3-Clause
              • ControlsFX — BSD 3-Clause
              • Ikonli — Apache License 2.0; Material Design Icons — Apache License 2.0
              • picocli, Jackson, Apache Commons Math — Apache License 2.0
              • SLF4J — MIT; Logback — EPL 1.0 / LGPL 2.1
            """;

    private AboutDialog() {
    }

    static Alert create(Window owner, String engine) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About " + AppInfo.NAME);
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        FontIcon icon = new FontIcon(MaterialDesignP.PIANO);
        icon.setIconSize(40);
        alert.setGraphic(icon);
        Label runtime = new Label("Java " + System.getProperty("java.version") + " · " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + " · " + engine);
        runtime.setId("about-runtime");
        TextArea licenses = new TextArea(LICENSES);
        licenses.setId("about-licenses");
        licenses.setEditable(false);
        licenses.setWrapText(true);
        licenses.setPrefRowCount(16);
        licenses.setPrefColumnCount(60);
        alert.getDialogPane().setContent(new VBox(10, runtime, licenses));
        return alert;
    }
}
