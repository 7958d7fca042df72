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
        stage.setScene(new Scene(new TrainingView(vm, new studio.rondo.ui.player.TransportViewModel(null)), 1100, 700));
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
        // A run this small can start and end between two polls: wait for its epochs, not for "running" to be seen.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.history().size() == 2 && !vm.runningProperty().get());
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
        List<double[]> values = vm.lossCurve().values();
        double lastLoss = values.get(values.size() - 1)[1];
        int pointsBefore = values.size();
        Path first = vm.modelFileProperty().get();

        robot.clickOn("#training-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.history().size() > epochsBefore);
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(epochsBefore + 1, vm.history().get(epochsBefore).epoch(), "the continued run's first epoch follows the last");
        double continuedLoss = vm.lossCurve().values().get(pointsBefore)[1];
        double firstLoss = vm.lossCurve().values().get(0)[1];
        assertEquals(values.get(pointsBefore - 1)[0] + 1, vm.lossCurve().values().get(pointsBefore)[0], "minibatch numbers go on");
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

        // The library lists both runs: the stopped one (its checkpoint) and the finished one.
        java.util.function.Supplier<List<String>> listed = () -> vm.library().entries().stream().map(e -> e.file().getFileName().toString()).toList();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> listed.get().contains(checkpoint.getFileName().toString())
                    && listed.get().contains(second.getFileName().toString()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the library lists " + listed.get(), e);
        }
    }

    @Test
    void smoothingAndLogScaleChangeTheDrawnCurveNotTheData(FxRobot robot) {
        LossCurve curve = vm.lossCurve();
        double[] losses = {4.0, 1.0, 3.0, 0.5, 2.0};
        robot.interact(() -> {
            curve.smoothingProperty().set(0);
            for (int i = 0; i < losses.length; i++) curve.add(i + 1, losses[i]);
        });
        List<Double> raw = curve.drawn().stream().map(d -> d.getYValue().doubleValue()).toList();
        assertEquals(List.of(4.0, 1.0, 3.0, 0.5, 2.0), raw, "no smoothing: the values as they came");
        robot.interact(() -> curve.smoothingProperty().set(0.5));
        List<Double> smooth = curve.drawn().stream().map(d -> d.getYValue().doubleValue()).toList();
        assertEquals(List.of(4.0, 2.5, 2.75, 1.625, 1.8125), smooth, "an EMA with weight 0.5 on the past");
        robot.interact(() -> curve.logScaleProperty().set(true));
        assertEquals(Math.log10(2.5), curve.drawn().get(1).getYValue().doubleValue(), 1e-12);
        assertEquals(2.5, curve.lossAt(curve.drawn().get(1).getYValue().doubleValue()), 1e-12, "the axis reads the loss back");
        assertEquals(List.of(4.0, 1.0, 3.0, 0.5, 2.0), curve.values().stream().map(v -> v[1]).toList(), "the data is untouched");
    }

    @Test
    void aRealRunKeepsTheFxThreadFreeAndSketchesEveryEpoch(FxRobot robot) throws Exception {
        smallCorpus();
        robot.interact(() -> {
            vm.presetProperty().set(Presets.PITCH_STEP_DURATION);
            vm.epochsProperty().set(3);
            vm.hiddenProperty().set(16);
            vm.layersProperty().set(1);
            vm.seqLenProperty().set(8);
            vm.batchProperty().set(4);
        });
        // Beside the run, a probe measures how long the FX thread takes to answer.
        long[] worstProbe = {0};
        java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            while (probing.get()) {
                long posted = System.nanoTime();
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                javafx.application.Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    worstProbe[0] = Math.max(worstProbe[0], System.nanoTime() - posted);
                    Thread.sleep(5); // the probe's own pace, not a wait for the code under test
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        prober.setDaemon(true);
        robot.clickOn("#training-start");
        prober.start();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.rows().size() == 3);
        probing.set(false);
        prober.join();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.rows().stream().allMatch(r -> r.sampleProperty().get() != null
                || r.sampleStateProperty().get().startsWith("no sketch")));
        for (EpochRow r : vm.rows()) assertTrue(r.sampleProperty().get() != null, "epoch " + r.metrics().epoch() + ": " + r.sampleStateProperty().get());
        assertTrue(vm.rows().get(0).sampleProperty().get().notes().size() > org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> 16) - 1,
                "the sketch holds the primer's 16 notes and what followed");
        assertFalse(vm.readinessProperty().get().isBlank(), "a readiness line after each epoch");
        long longestMs = vm.longestUpdateNanos() / 1_000_000;
        assertTrue(longestMs < 50, "the longest hand-over of training events took " + longestMs + " ms on the FX thread");
        System.out.printf("FX thread during training: longest hand-over %d ms, slowest probe answer %d ms%n", longestMs, worstProbe[0] / 1_000_000);
    }

    @Test
    void aWindowLongerThanThePiecesIsABannerInWordsAndTheAppGoesOn(FxRobot robot) throws Exception {
        smallCorpus();
        robot.interact(() -> {
            vm.presetProperty().set(Presets.TF_TUTORIAL);
            vm.seqLenProperty().set(500); // the pieces have 60 notes
            vm.hiddenProperty().set(8);
        });
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.problemProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#training-problem").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("a window needs 501") && banner.getText().contains("shorter window"), banner.getText());
        assertFalse(banner.getText().contains("--seq-len"), "the window's words, not the command line's: " + banner.getText());
        // The workspace goes on: a window that fits trains.
        robot.interact(() -> vm.seqLenProperty().set(8));
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.problemProperty().get() == null && vm.history().size() >= 1);
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
    }

    @Test
    void memoryRunningOutIsToldAsWhatToChange() {
        String words = TrainingViewModel.inWords(new RuntimeException(new OutOfMemoryError("Java heap space")));
        assertTrue(words.startsWith("Not enough memory for this network") && words.contains("LSTM size"), words);
    }
}
