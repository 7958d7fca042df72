package studio.rondo.ui.player;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import studio.rondo.sound.PlayerState;

/** Play/pause, stop, time and any playback problem, bound to a {@link TransportViewModel}. */
public final class TransportBar extends HBox {

    public TransportBar(TransportViewModel vm) {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        Button play = new Button();
        play.setId("transport-play");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                vm.stateProperty().get() == PlayerState.PLAYING ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY), vm.stateProperty()));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.disableProperty().bind(vm.loadedProperty().not());
        play.setOnAction(e -> vm.togglePlay());

        Button stop = new Button(null, new FontIcon(MaterialDesignS.STOP));
        stop.setId("transport-stop");
        stop.setTooltip(new Tooltip("Stop and go back to the start"));
        stop.disableProperty().bind(vm.loadedProperty().not());
        stop.setOnAction(e -> vm.stop());

        Label time = new Label();
        time.setId("transport-time");
        time.getStyleClass().add("transport-time");
        time.textProperty().bind(Bindings.createStringBinding(() -> vm.loadedProperty().get()
                ? clock(vm.positionProperty().get()) + " / " + clock(vm.durationProperty().get()) : "–:–– / –:––",
                vm.positionProperty(), vm.durationProperty(), vm.loadedProperty()));

        time.setMinWidth(Region.USE_PREF_SIZE); // the clock is never cut short ("0:00 / ...")
        play.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);

        // A playback problem is an icon and two words; the whole message is its tooltip (and a click shows it).
        Label problem = new Label();
        problem.setId("transport-problem");
        problem.getStyleClass().add("transport-problem");
        problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problem.textProperty().bind(Bindings.createStringBinding(() -> shortProblem(vm.problemProperty().get()), vm.problemProperty()));
        Tooltip problemTip = new Tooltip();
        problemTip.textProperty().bind(vm.problemProperty());
        problemTip.setWrapText(true);
        problemTip.setMaxWidth(420);
        problem.setTooltip(problemTip);
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMinWidth(Region.USE_PREF_SIZE);
        problem.setOnMouseClicked(e -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, vm.problemProperty().get());
            alert.setHeaderText("Playback");
            if (getScene() != null) alert.initOwner(getScene().getWindow());
            alert.show();
        });

        Label sounds = new Label();
        sounds.getStyleClass().add("transport-sounds");
        sounds.textProperty().bind(Bindings.concat("Sounds: ", vm.soundFontNameProperty()));
        sounds.setMinWidth(0); // the first thing to give way when the bar is narrow
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button chooseSounds = new Button("SoundFont…", new FontIcon(MaterialDesignP.PIANO));
        chooseSounds.setId("transport-soundfont");
        chooseSounds.setMinWidth(Region.USE_PREF_SIZE);
        chooseSounds.setTooltip(new Tooltip("Play with a SoundFont (.sf2) of your choice; it is remembered"));
        chooseSounds.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a SoundFont");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SoundFonts", "*.sf2", "*.SF2"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) vm.chooseSoundFont(file.toPath());
        });

        getChildren().addAll(play, stop, time, problem, spacer, sounds, chooseSounds);
    }

    /** "No audio device" for the no-sound message, else the message's first words. */
    static String shortProblem(String problem) {
        if (problem == null) return null;
        String p = problem.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("soundfont")) return "SoundFont problem";
        if (p.contains("audio") || p.contains("sound") || p.contains("line")) return "No audio device";
        return "Playback problem";
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds)) return "0:00";
        long s = Math.max(0, Math.round(Math.floor(seconds)));
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
