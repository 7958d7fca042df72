package studio.rondo.ui.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.SettingsStore;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.midi.MidiReader;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.sound.WavRenderer;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportViewModel;

/**
 * The shipped models, as a musician first meets them: a Mozart movement they never trained on
 * (mz_311_1 is held out) continued for eight bars in the window. With {@code -Drondo.screenshots=DIR}
 * the workspace is saved as DIR/generate-MODEL.png.
 */
@ExtendWith(ApplicationExtension.class)
class DefaultModelsContinueMozartTest {
    private static final Path PRIMER = Path.of("..", "shared", "data", "midi", "piano-midi-de", "mozart", "mz_311_1.mid");

    @TempDir
    static Path temp;

    private GenerateViewModel vm;
    private Piece primer;

    @Start
    void start(Stage stage) throws Exception {
        primer = Files.isRegularFile(PRIMER) ? MidiReader.read(PRIMER) : null;
        vm = new GenerateViewModel(Background.executor(), () -> primer, WavRenderer::new);
        TransportViewModel transport = new TransportViewModel(new SettingsStore(temp.resolve("settings.json")));
        stage.setScene(new Scene(new GenerateView(vm, transport), 1280, 760));
        stage.show();
    }

    @ParameterizedTest
    @ValueSource(strings = {"piano", "expressive"})
    void aDefaultModelContinuesAnUnseenMozartMovementInItsMeterRangeAndDynamics(String name, FxRobot robot) throws Exception {
        assumeTrue(primer != null, "../shared/data is not here: " + PRIMER.toAbsolutePath().normalize());
        BundledModel model = BundledModels.find(name).orElseThrow(() -> new AssertionError("no bundled model " + name));
        CorpusProfile profile = ModelStore.readInfo(model.file()).profile();
        robot.interact(() -> {
            vm.modelFileProperty().set(model.file());
            vm.primerSourceProperty().set(PrimerSource.SELECTED_PIECE);
            vm.primerNotesProperty().set(60);
            vm.lengthUnitProperty().set(LengthUnit.BARS);
            vm.lengthBarsProperty().set(8);
            vm.variationsProperty().set(3);
            vm.seedProperty().set(311);
            vm.includePrimerProperty().set(true);
        });
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, vm.results().size(), vm.statusProperty().get());

        for (GenerationResult r : vm.results()) {
            Piece p = r.piece();
            List<Note> generated = p.notes().stream().filter(n -> n.startSeconds() >= r.joinSeconds() - 1e-6).toList();
            assertTrue(generated.size() >= 8, name + ": " + generated.size() + " notes in 8 bars");
            for (Note n : generated)
                assertTrue(n.pitch() >= profile.lowestPitch() && n.pitch() <= profile.highestPitch(), name + ": pitch " + n.pitch());
            assertTrue(generated.stream().mapToInt(Note::velocity).distinct().count() >= 5, name + ": one flat dynamic");
            assertEquals(primer.metadata().timeSignatures().get(0).numerator(), p.metadata().timeSignatures().get(0).numerator(), "meter kept");
        }
        robot.interact(() -> vm.selectedProperty().set(vm.results().get(0)));
        if (System.getProperty("rondo.screenshots") != null) {
            PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
            robot.interact(roll::zoomToFit);
            WaitForAsyncUtils.waitForFxEvents();
            studio.rondo.ui.Screenshots.saveIfAsked(robot, roll.getScene(), "generate-" + name);
        }
    }
}
