package studio.rondo.ui.training;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.dataset.Corpus;
import studio.rondo.dataset.Split;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.Preset;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;
import studio.rondo.ui.common.Background;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    @TempDir
    static Path temp;

    private TrainingViewModel vm;
    private final Corpus corpus = new Corpus();

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(temp.resolve("models"), Background.executor(), () -> corpus);
        stage.setScene(new Scene(new TrainingView(vm), 1100, 700));
        stage.show();
    }

    /** Four little melodies: three train, one validates (the split the Dataset workspace shows). */
    private void smallCorpus() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("corpus"));
        for (int k = 0; k < 4; k++) {
            List<TimedNote> notes = new ArrayList<>();
            for (int i = 0; i < 60; i++) notes.add(new TimedNote(60 + (i * (k + 2)) % 12, 80, 0, i * 0.25, i * 0.25 + 0.2));
            MidiWriter.write(Piece.fromSeconds("tune" + k, notes, TempoMap.constant(480, 120)), dir.resolve("tune" + k + ".mid"));
        }
        corpus.add(List.of(dir));
        corpus.entries().forEach(e -> corpus.move(e.file(), Split.TRAIN));
        corpus.move(corpus.entries().get(3).file(), Split.VALIDATION);
    }

    @Test
    void trainsOnTheCorpusSplitAndDrawsTheCurves(FxRobot robot) throws Exception {
        smallCorpus();
        robot.interact(() -> {
            vm.presetProperty().set(Presets.TF_TUTORIAL);
            vm.epochsProperty().set(2);
            vm.hiddenProperty().set(8);
            vm.seqLenProperty().set(8);
            vm.batchProperty().set(16);
        });
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#training-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Finished 2 epochs"), status);
        assertEquals(2, vm.history().size());
        assertEquals(2, vm.epochValLoss().size(), "validation pieces give a validation curve");
        assertFalse(vm.lossPoints().isEmpty());
        Path model = vm.trainedModelProperty().get();
        assertTrue(Files.isRegularFile(model), "model written: " + model);
        var info = ModelStore.readInfo(model);
        assertEquals(List.of("tune3"), info.corpus().validationPieces(), "the corpus split is the one used");
    }

    @Test
    void saysWhatToDoWhenTheCorpusIsEmpty(FxRobot robot) {
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().contains("Dataset workspace"), vm.statusProperty().get());
    }

    @Test
    void continueAfterStopGoesOnFromTheCheckpointAndANewRunLeavesTheFirstModelAlone(FxRobot robot) throws Exception {
        smallCorpus();
        robot.interact(() -> {
            vm.presetProperty().set(Presets.TF_TUTORIAL);
            vm.epochsProperty().set(1_000); // far more than the test waits for
            vm.hiddenProperty().set(8);
            vm.seqLenProperty().set(8);
            vm.batchProperty().set(4);
        });
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.history().size() >= 2);
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.canContinueProperty().get(), vm.statusProperty().get());
        int epochsBefore = vm.history().size();
        double lastLoss = vm.lossPoints().get(vm.lossPoints().size() - 1).getYValue().doubleValue();
        int pointsBefore = vm.lossPoints().size();
        Path first = vm.modelFileProperty().get();

        robot.clickOn("#training-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.history().size() > epochsBefore);
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(epochsBefore + 1, vm.history().get(epochsBefore).epoch(), "the continued run's first epoch follows the last");
        double continuedLoss = vm.lossPoints().get(pointsBefore).getYValue().doubleValue();
        double firstLoss = vm.lossPoints().get(0).getYValue().doubleValue();
        assertTrue(Math.abs(continuedLoss - lastLoss) < Math.abs(firstLoss - lastLoss),
                "continued at loss " + continuedLoss + ", near the last " + lastLoss + " rather than the first " + firstLoss);

        // A new run: its own file, and the first run's files stay byte for byte as they were.
        robot.interact(() -> vm.epochsProperty().set(1));
        Path checkpoint = first.resolveSibling(first.getFileName().toString().replace(".zip", ".checkpoint.zip"));
        byte[] before = Files.readAllBytes(checkpoint);
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Path second = vm.modelFileProperty().get();
        assertFalse(second.equals(first), "a new run gets its own file: " + second);
        assertTrue(Files.isRegularFile(second));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(checkpoint), "the first run's checkpoint is untouched");
    }
}
