package studio.rondo.ui.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.SettingsStore;
import studio.rondo.dataset.Corpus;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;
import studio.rondo.music.Piece;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;
import studio.rondo.sound.WavRenderer;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportViewModel;

/**
 * The Report beside the variations shows after a generation: the originality line, the charts and
 * the set's overlap, computed off the FX thread. With {@code -Drondo.screenshots=DIR} the workspace
 * is saved as DIR/generate-report.png (and, with the shared data, DIR/generate-report-piano.png).
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    private static final Path PIANO_MIDI = Path.of("..", "shared", "data", "midi", "piano-midi-de");

    @TempDir
    static Path temp;
    private static Path model;
    private static Path corpusDir;
    private static Piece primer;

    private GenerateViewModel vm;
    private Piece selectedPiece;

    /** A tiny tf-tutorial model trained on three little tunes, which the corpus holds as MIDI files. */
    @BeforeAll
    static void trainTinyModel() throws Exception {
        corpusDir = Files.createDirectories(temp.resolve("tunes"));
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<TimedNote> notes = new ArrayList<>();
            for (int i = 0; i < 60; i++) notes.add(new TimedNote(60 + (i * (k + 2)) % 12, 80, 0, i * 0.25, i * 0.25 + 0.2));
            Piece p = Piece.fromSeconds("tune" + k, notes, TempoMap.constant(480, 120));
            pieces.add(p);
            MidiWriter.write(p, corpusDir.resolve("tune" + k + ".mid"));
        }
        primer = pieces.get(0);
        Hyperparameters d = Presets.TF_TUTORIAL.defaults();
        Hyperparameters tiny = new Hyperparameters(8, 16, 8, 1, 0, 0, 0, 0, d.learningRate(), d.optimizer(), 0, 0, 0, 0);
        model = temp.resolve("tiny.zip");
        new Trainer(TrainingConfig.of(Presets.TF_TUTORIAL, 1).withHyperparameters(tiny).withFiles(model, null, null), null).train(pieces);
    }

    @Start
    void start(Stage stage) {
        selectedPiece = primer;
        vm = new GenerateViewModel(Background.executor(), () -> selectedPiece, WavRenderer::new);
        TransportViewModel transport = new TransportViewModel(new SettingsStore(temp.resolve("settings.json")));
        Scene scene = new Scene(new GenerateView(vm, transport), 1280, 760);
        scene.getStylesheets().add(GenerateView.class.getResource("/studio/rondo/ui/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void generateAndWaitForTheReport(FxRobot robot) throws Exception {
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.report().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReportShowsBesideTheVariationsAfterAGeneration(FxRobot robot) throws Exception {
        Corpus corpus = new Corpus();
        corpus.add(List.of(corpusDir));
        robot.interact(() -> {
            vm.report().setCorpus(() -> corpus);
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(3);
            vm.lengthNotesProperty().set(60);
            vm.primerNotesProperty().set(10);
            vm.seedProperty().set(5);
        });
        generateAndWaitForTheReport(robot);
        ReportViewModel.Report report = vm.report().reportProperty().get();
        assertEquals(3, report.variations().size());
        assertEquals(3, report.corpusPieces());
        assertTrue(robot.lookup("#generate-report").query().isVisible());
        Label copied = robot.lookup("#report-originality").queryAs(Label.class);
        ReportViewModel.VariationReport first = report.variations().get(0);
        assertEquals(ReportViewModel.originalityLine(first.originality()), copied.getText());
        assertTrue(copied.getText().startsWith("Longest copied run: ") || copied.getText().startsWith("No run of 8 notes"), copied.getText());
        Label overlap = robot.lookup("#report-set-overlap").queryAs(Label.class);
        assertTrue(overlap.getText().startsWith("Mean overlap "), overlap.getText());
        assertTrue(robot.lookup(".report-title").tryQuery().isPresent());
        assertTrue(robot.lookup("#report-status").queryAs(Label.class).getText().contains("3 pieces"));

        // Variation 2 joins the corpus; the same seed again gives it back, wholly copied, and the button shows
        // the run in the piano roll (the corpus changed, so its index is built anew).
        Path v2 = corpusDir.resolve("variation-2.mid");
        MidiWriter.write(report.variations().get(1).result().piece(), v2);
        corpus.add(List.of(v2));
        generateAndWaitForTheReport(robot);
        ReportViewModel.Report again = vm.report().reportProperty().get();
        assertEquals(4, again.corpusPieces());
        ReportViewModel.VariationReport copiedMost = again.variations().get(1);
        assertTrue(copiedMost.originality().wholePieceCopied(), copiedMost.originality().describe());
        assertEquals("tunes/variation-2.mid", copiedMost.originality().source());
        robot.interact(() -> vm.selectedProperty().set(copiedMost.result()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReportViewModel.originalityLine(copiedMost.originality()),
                robot.lookup("#report-originality").queryAs(Label.class).getText());
        Button show = robot.lookup("#report-show-copy").queryAs(Button.class);
        assertTrue(!show.isDisabled());
        robot.clickOn(show);
        WaitForAsyncUtils.waitForFxEvents();
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        assertNotNull(roll.highlightProperty().get());
        assertEquals(copiedMost.originality().startSeconds(), roll.highlightProperty().get().startSeconds(), 1e-9);
        assertEquals(copiedMost.result(), vm.selectedProperty().get());
        studio.rondo.ui.Screenshots.saveIfAsked(robot, roll.getScene(), "generate-report");
    }

    @Test
    void withoutACorpusTheReportSaysWhatItNeeds(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(1);
            vm.lengthNotesProperty().set(20);
        });
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.report().statusProperty().get().startsWith("Add at least two pieces in the Dataset workspace"),
                vm.report().statusProperty().get());
        assertTrue(robot.lookup("#report-originality").tryQuery().isEmpty());
    }

    /** The bundled piano model continuing a held-out Mozart movement, judged against all of piano-midi.de. */
    @Test
    void theBundledPianoModelAgainstPianoMidiDe(FxRobot robot) throws Exception {
        assumeTrue(Files.isDirectory(PIANO_MIDI), "../shared/data is not here: " + PIANO_MIDI.toAbsolutePath().normalize());
        BundledModel piano = BundledModels.find("piano").orElseThrow();
        selectedPiece = MidiReader.read(PIANO_MIDI.resolve("mozart/mz_311_1.mid"));
        Corpus corpus = new Corpus();
        corpus.add(List.of(PIANO_MIDI));
        robot.interact(() -> {
            vm.report().setCorpus(() -> corpus);
            vm.modelFileProperty().set(piano.file());
            vm.primerSourceProperty().set(PrimerSource.SELECTED_PIECE);
            vm.primerNotesProperty().set(60);
            vm.lengthUnitProperty().set(LengthUnit.BARS);
            vm.lengthBarsProperty().set(16);
            vm.variationsProperty().set(4);
            vm.seedProperty().set(311);
            vm.includePrimerProperty().set(true);
        });
        generateAndWaitForTheReport(robot);
        ReportViewModel.Report report = vm.report().reportProperty().get();
        assertTrue(report.corpusPieces() >= 260, "pieces " + report.corpusPieces());
        assertTrue(report.millis() < 1000, "judging 4 variations took " + report.millis() + " ms");
        for (ReportViewModel.VariationReport v : report.variations())
            assertEquals(v.result().stats().notes(), v.features().notes(), "the primer is left out of the measures");
        double overlap = report.set().meanOverlap();
        assertTrue(overlap > 0.5, "the piano model's continuations against piano-midi.de: mean overlap " + overlap);
        System.out.printf(java.util.Locale.ROOT, "piano model, 4 x 16 bars after mz_311_1: mean overlap %.3f, longest run %d; corpus built in %.0f ms,"
                + " judged in %.1f ms%n", overlap, report.variations().stream().mapToInt(v -> v.originality().longestRun()).max().orElse(0),
                report.reference().buildMillis(), report.millis());
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        robot.interact(roll::zoomToFit);
        WaitForAsyncUtils.waitForFxEvents();
        studio.rondo.ui.Screenshots.saveIfAsked(robot, roll.getScene(), "generate-report-piano");
        javafx.scene.control.ScrollPane reportPane = robot.lookup("#generate-report").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> reportPane.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#report-set-overlap").queryAs(Label.class).getText().startsWith("Mean overlap 0."));
        studio.rondo.ui.Screenshots.saveIfAsked(robot, roll.getScene(), "generate-report-piano-set");
    }
}
