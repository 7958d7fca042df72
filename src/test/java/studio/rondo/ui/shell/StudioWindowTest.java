package studio.rondo.ui.shell;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.AppInfo;
import studio.rondo.app.SettingsStore;
import studio.rondo.ui.common.Background;

@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    @TempDir
    static Path home;

    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new StudioWindow(stage, new SettingsStore(home.resolve("settings.json")), Background.executor());
        window.open(window.viewModel().defaultEngineLoader());
    }

    @Test
    void visitsEachWorkspaceFromTheNavigation(FxRobot robot) {
        for (Workspace w : Workspace.values()) {
            robot.clickOn("#nav-" + w.name().toLowerCase());
            assertTrue(robot.lookup("#workspace-" + w.name().toLowerCase()).tryQuery().map(n -> n.isVisible()).orElse(false),
                    w + " is shown");
            assertEquals(w, window.viewModel().workspaceProperty().get());
        }
    }

    @Test
    void loadsTheEngineInTheBackgroundAndSaysSoInTheStatusBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> window.viewModel().engineStateProperty().get() != EngineState.LOADING);
        assertEquals(EngineState.READY, window.viewModel().engineStateProperty().get(),
                window.viewModel().engineTextProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#engine-status").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Engine ready: ND4J CPU"), shown);
    }

    @Test
    void aboutDialogShowsVersionAndLicenses(FxRobot robot) {
        robot.clickOn("#menu-help").clickOn("About Rondo Studio");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(AppInfo.NAME + " " + AppInfo.version()).tryQuery().isPresent());
        String licenses = robot.lookup("#about-licenses").queryAs(TextArea.class).getText();
        assertTrue(licenses.contains("CC BY-SA 3.0 DE") && licenses.contains("Deeplearning4j"), licenses);
        assertTrue(licenses.contains("Apache License, Version 2.0") && licenses.contains("Bernd Krueger, Source: www.piano-midi.de"), licenses);
        robot.clickOn("Close");
    }

    @Test
    void preferencesSetTheEngineThreadsAndRememberThem(FxRobot robot) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            robot.clickOn("File").clickOn("#menu-preferences");
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Spinner<?> threads = robot.lookup("#pref-threads").queryAs(javafx.scene.control.Spinner.class);
            assertEquals(studio.rondo.engine.EngineRuntime.threads(), threads.getValue());
            String help = robot.lookup("#pref-threads-help").queryAs(Label.class).getText();
            assertTrue(help.contains(cores + " on this machine"), help);
            studio.rondo.ui.Screenshots.saveIfAsked(robot, threads.getScene(), "preferences");
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> spinner = (javafx.scene.control.Spinner<Integer>) threads;
            robot.interact(() -> spinner.getValueFactory().setValue(1));
            robot.clickOn("OK");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, studio.rondo.engine.EngineRuntime.threads());
            assertEquals(1, window.viewModel().settings().threads);
        } finally {
            studio.rondo.engine.EngineRuntime.setThreads(0); // other tests expect the default
        }
    }

    @Test
    void closingWhileTrainingAsksThenStopsSavesACheckpointAndCloses(FxRobot robot) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(home.resolve("tunes"));
        for (int k = 0; k < 3; k++) {
            java.util.List<studio.rondo.music.Piece.TimedNote> notes = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) notes.add(new studio.rondo.music.Piece.TimedNote(60 + (i * (k + 3)) % 12, 80, 0, i * 0.2, i * 0.2 + 0.15));
            studio.rondo.midi.MidiWriter.write(studio.rondo.music.Piece.fromSeconds("tune" + k, notes,
                    studio.rondo.music.TempoMap.constant(480, 120)), dir.resolve("tune" + k + ".mid"));
        }
        robot.interact(() -> window.dataset().add(java.util.List.of(dir)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.dataset().corpus().size() == 3 && !window.dataset().busyProperty().get());
        var training = window.training();
        robot.interact(() -> {
            training.presetProperty().set(studio.rondo.engine.preset.Presets.TF_TUTORIAL);
            training.hiddenProperty().set(8);
            training.seqLenProperty().set(8);
            training.batchProperty().set(4);
            training.epochsProperty().set(10_000); // would run for hours
            training.train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !training.lossPoints().isEmpty());
        // Not interact(): the question blocks the FX thread's event in a nested loop until answered.
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Stop training and close").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
        assertTrue(stage.isShowing(), "the window waits for an answer");
        javafx.scene.control.Button stop = robot.lookup("Stop training and close").queryButton();
        javafx.application.Platform.runLater(stop::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !training.runningProperty().get() && !stage.isShowing());
        java.nio.file.Path model = training.modelFileProperty().get();
        java.nio.file.Path checkpoint = model.resolveSibling(model.getFileName().toString().replace(".zip", ".checkpoint.zip"));
        assertTrue(java.nio.file.Files.isRegularFile(checkpoint), "checkpoint saved: " + checkpoint);
    }

    @Test
    void aFreshHomeGeneratesWithTheBundledPianoModelAndRemembersTheChoice(FxRobot robot) {
        assertEquals("piano", window.generate().modelChoiceProperty().get().bundled().name());
        robot.interact(() -> {
            window.generate().modelChoiceProperty().set(window.generate().modelChoices().get(1)); // expressive
            stage.hide(); // closing the window saves the settings
        });
        assertEquals("bundled:expressive", new SettingsStore(home.resolve("settings.json")).load().generateModel);
        robot.interact(() -> {
            StudioWindow reopened = new StudioWindow(new Stage(), new SettingsStore(home.resolve("settings.json")), Background.executor());
            assertEquals("expressive", reopened.generate().modelChoiceProperty().get().bundled().name());
        });
    }

    @Test
    void remembersWorkspaceAndWindowSizeBetweenRuns(FxRobot robot) {
        robot.clickOn("#nav-generate");
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.hide(); // closing the window saves the settings
        });
        robot.interact(() -> {
            Stage again = new Stage();
            StudioWindow reopened = new StudioWindow(again, new SettingsStore(home.resolve("settings.json")), Background.executor());
            assertEquals(Workspace.GENERATE, reopened.viewModel().workspaceProperty().get());
            assertEquals(1000, reopened.viewModel().settings().windowWidth, 0.5);
            assertEquals(700, reopened.viewModel().settings().windowHeight, 0.5);
        });
    }

    private static studio.rondo.music.Piece scale(String name) {
        java.util.List<studio.rondo.music.Piece.TimedNote> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new studio.rondo.music.Piece.TimedNote(60 + i % 8, 80, 0, i * 0.25, i * 0.25 + 0.2));
        return studio.rondo.music.Piece.fromSeconds(name, notes, studio.rondo.music.TempoMap.constant(480, 120));
    }

    private javafx.scene.control.Menu menu(FxRobot robot, String text) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void openMidiGoesToTheDatasetAndTheRecentFilesAndTheEditMenuNamesTheEditToUndo(FxRobot robot) throws Exception {
        java.nio.file.Path file = home.resolve("opened.mid");
        studio.rondo.midi.MidiWriter.write(scale("opened"), file);
        robot.interact(() -> window.viewModel().openMidi(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.dataset().selectedPieceProperty().get() != null);
        assertEquals(Workspace.DATASET, window.viewModel().workspaceProperty().get());
        assertEquals(java.util.List.of(file.toAbsolutePath().toString()), window.viewModel().settings().recentFiles);
        robot.clickOn("File").clickOn("#menu-recent");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("opened.mid  —  " + home.toAbsolutePath()).tryQuery().isPresent(), "listed under Open recent");
        robot.type(javafx.scene.input.KeyCode.ESCAPE).type(javafx.scene.input.KeyCode.ESCAPE);

        // a variation in Generate, edited there with the keys
        studio.rondo.music.Piece piece = scale("result");
        var stats = studio.rondo.engine.generate.GenerationStats.of(piece.notes().stream()
                .map(n -> new studio.rondo.music.Piece.TimedNote(n.pitch(), n.velocity(), 0, n.startSeconds(), n.endSeconds())).toList());
        robot.interact(() -> {
            window.viewModel().select(Workspace.GENERATE);
            var r = new studio.rondo.engine.generate.GenerationResult(piece, 0, 7, stats, 16, true, 0, 0, Double.NaN, false);
            window.generate().results().setAll(r);
            window.generate().selectedProperty().set(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        studio.rondo.ui.pianoroll.PianoRoll roll = robot.lookup("#generate-roll").queryAs(studio.rondo.ui.pianoroll.PianoRoll.class);
        robot.clickOn(roll.rollCanvas());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A).release(javafx.scene.input.KeyCode.CONTROL);
        robot.type(javafx.scene.input.KeyCode.UP).type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        var editor = window.generate().selectedEditorProperty().get();
        assertEquals(2, editor.undoDepth());
        robot.clickOn("Edit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo Move 16 notes", menu(robot, "Edit").getItems().get(0).getText());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        // ctrl+z in the roll: one step back, not two (the menu's accelerator and the roll's key are one command)
        robot.clickOn(roll.rollCanvas());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.undoDepth());
        assertEquals("Transpose 16 notes", editor.undoDescription().orElseThrow());
        // the menu's Undo works too
        robot.clickOn("Edit").clickOn("Undo Transpose 16 notes");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(piece.notes(), window.generate().selectedPieceProperty().get().notes());

        robot.clickOn("#menu-help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#shortcuts-dialog").tryQuery().isPresent());
        robot.clickOn("OK");
    }
}
