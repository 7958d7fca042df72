package studio.rondo.ui.training;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
import studio.rondo.engine.preset.Presets;
import studio.rondo.ui.Screenshots;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.player.TransportViewModel;

/**
 * The Training workspace as a musician sees it on real music: two short runs on the Mozart set, the
 * second drawn against the first. Runs only when screenshots are asked for
 * ({@code -Drondo.screenshots=DIR}) and the shared data is there: it trains for about three minutes.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingTourTest {
    private static final Path MOZART = Path.of("../shared/data/midi/piano-midi-de/mozart");

    static {
        // Monocle's headless screen is 1280x800 unless told: the tour shows 1440x900 (when it starts the toolkit itself).
        System.setProperty("headless.geometry", "1440x900-32");
    }

    @TempDir
    Path temp;
    private TrainingViewModel vm;
    private Stage stage;
    private final Corpus corpus = new Corpus();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new TrainingViewModel(temp.resolve("models"), Background.executor(), () -> corpus);
        stage.setScene(new Scene(new TrainingView(vm, new TransportViewModel(null)), 1440, 900));
        stage.show();
    }

    @Test
    void twoRunsOnTheMozartSetOneDrawnAgainstTheOther(FxRobot robot) throws Exception {
        assumeTrue(System.getProperty("rondo.screenshots") != null, "a tour for screenshots: run with -Drondo.screenshots=DIR");
        assumeTrue(Files.isDirectory(MOZART), "the Mozart set is not in ../shared/data: skipped");
        corpus.add(List.of(MOZART));
        corpus.entries().forEach(e -> corpus.move(e.file(), Split.TRAIN));
        corpus.move(corpus.entries().get(0).file(), Split.VALIDATION);
        corpus.move(corpus.entries().get(7).file(), Split.VALIDATION);
        robot.interact(() -> {
            vm.presetProperty().set(Presets.PITCH_STEP_DURATION);
            vm.hiddenProperty().set(128);
            vm.layersProperty().set(1);
            vm.epochsProperty().set(1000);
            vm.minutesProperty().set(1);
        });
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.rows().size() > 1);
        Path first = vm.modelFileProperty().get();

        robot.interact(() -> {
            vm.learningRateProperty().set(3e-3);
            vm.minutesProperty().set(2);
        });
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm.rows().size() >= 4);
        robot.interact(() -> vm.library().compared().add(first));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.comparedLoss().isEmpty());
        robot.interact(() -> robot.lookup("#training-epoch-table").queryTableView().getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().get(2).sampleProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveIfAsked(robot, stage.getScene(), "training-mozart-1440");
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveIfAsked(robot, stage.getScene(), "training-mozart-1024");
        robot.interact(() -> robot.lookup("#training-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveIfAsked(robot, stage.getScene(), "training-library-1024");
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertTrue(vm.rows().size() >= 4);
    }
}
