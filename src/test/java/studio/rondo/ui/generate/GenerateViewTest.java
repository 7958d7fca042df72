package studio.rondo.ui.generate;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
import studio.rondo.engine.generate.Dynamics;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.midi.MidiReader;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;
import studio.rondo.sound.WavRenderer;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportViewModel;

@ExtendWith(ApplicationExtension.class)
class GenerateViewTest {
    @TempDir
    static Path temp;
    private static Path model;
    private static Piece primer;

    private GenerateViewModel vm;

    /** A tiny tf-tutorial model trained one epoch on little scales: enough to generate from. */
    @BeforeAll
    static void trainTinyModel() throws Exception {
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<TimedNote> notes = new ArrayList<>();
            for (int i = 0; i < 60; i++) notes.add(new TimedNote(60 + (i * (k + 2)) % 12, 80, 0, i * 0.25, i * 0.25 + 0.2));
            pieces.add(Piece.fromSeconds("tune" + k, notes, TempoMap.constant(480, 120)));
        }
        primer = pieces.get(0);
        Hyperparameters d = Presets.TF_TUTORIAL.defaults();
        Hyperparameters tiny = new Hyperparameters(8, 16, 8, 1, 0, 0, 0, 0, d.learningRate(), d.optimizer(), 0, 0, 0, 0);
        model = temp.resolve("tiny.zip");
        new Trainer(TrainingConfig.of(Presets.TF_TUTORIAL, 1).withHyperparameters(tiny).withFiles(model, null, null), null).train(pieces);
    }

    @Start
    void start(Stage stage) {
        vm = new GenerateViewModel(Background.executor(), () -> primer, WavRenderer::new);
        TransportViewModel transport = new TransportViewModel(new SettingsStore(temp.resolve("settings.json")));
        stage.setScene(new Scene(new GenerateView(vm, transport), 1100, 700));
        stage.show();
    }

    private void generateAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void generatesVariationsFromTheSelectedPieceAndShowsTheFirst(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(3);
            vm.lengthNotesProperty().set(40);
            vm.primerNotesProperty().set(10);
            vm.seedProperty().set(5);
        });
        assertTrue(vm.modelTextProperty().get().contains("tf-tutorial"), vm.modelTextProperty().get());
        generateAndWait(robot);
        assertEquals(3, vm.results().size(), vm.statusProperty().get());
        assertEquals(40, vm.results().get(0).stats().notes());
        assertNotEquals(vm.results().get(0).seed(), vm.results().get(1).seed());
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        assertNotNull(roll.pieceProperty().get());
        assertEquals(40, roll.pieceProperty().get().notes().size());

        Path midi = temp.resolve("out/variation.mid");
        robot.interact(() -> vm.exportMidi(vm.results().get(1), midi));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(midi) && vm.statusProperty().get().startsWith("Saved"));
        assertEquals(40, MidiReader.read(midi).notes().size());
    }

    @Test
    void theSameSeedGivesTheSameNotes(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(1);
            vm.lengthNotesProperty().set(30);
            vm.seedProperty().set(77);
        });
        generateAndWait(robot);
        List<?> first = vm.results().get(0).piece().notes();
        robot.interact(() -> vm.results().clear());
        generateAndWait(robot);
        assertEquals(first, vm.results().get(0).piece().notes());
    }

    @Test
    void barsDynamicsQuantizeAndPitchRangeReachTheResultAndTheRollMarksThePrimer(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(2);
            vm.primerNotesProperty().set(12);
            vm.lengthUnitProperty().set(LengthUnit.BARS);
            vm.lengthBarsProperty().set(3);
            vm.pitchRangeProperty().set("C4-C5");
            vm.dynamicsProperty().set(Dynamics.parse("f"));
            vm.quantizeGridProperty().set("1/8");
            vm.includePrimerProperty().set(true);
        });
        generateAndWait(robot);
        GenerationResult r = vm.results().get(0);
        assertTrue(r.primerIncluded() && r.joinSeconds() > 0, "join at " + r.joinSeconds());
        Piece p = r.piece();
        assertEquals(List.of(new PieceMetadata.TimeSignature(0, 4, 4)), p.metadata().timeSignatures(), "the primer's meter (4/4)");
        double join = r.joinSeconds();
        List<Note> generated = p.notes().stream().filter(n -> n.startSeconds() >= join - 1e-9).toList();
        assertTrue(generated.size() > 3, "generated " + generated.size());
        for (Note n : generated) {
            assertTrue(n.pitch() >= 60 && n.pitch() <= 72, "pitch " + n.pitch());
            assertEquals(0, n.startTick() % 240, "on the 1/8 grid: " + n.startTick());
        }
        assertTrue(generated.stream().mapToInt(Note::velocity).distinct().count() > 2);
        String line = GenerateViewModel.describe(r);
        assertTrue(line.matches("Variation 1 · [A-G][b#]? (major|minor) · [0-9.]+ notes/bar · [A-G]#?[0-9]–[A-G]#?[0-9] · .*"), line);
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        assertEquals(join, roll.joinSecondsProperty().get(), 1e-9, "the roll marks the join");
        if (System.getProperty("rondo.screenshots") != null) { // lets a person look at the workspace
            robot.interact(() -> roll.zoomToFit());
            WaitForAsyncUtils.waitForFxEvents();
            studio.rondo.ui.Screenshots.saveIfAsked(robot, roll.getScene(), "generate-workspace");
        }

        robot.interact(() -> vm.pitchRangeProperty().set("C9-C1"));
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.statusProperty().get().startsWith("Pitch range: "), vm.statusProperty().get());
    }

    private static List<String> shape(List<Note> notes) {
        return notes.stream().map(n -> n.pitch() + "@" + n.startTick() + "-" + n.endTick() + "v" + n.velocity()).sorted().toList();
    }

    @Test
    void editsInTheRollAreWhatPlaysAndExportsAndExportAllWritesEveryVariation(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(2);
            vm.lengthNotesProperty().set(30);
            vm.primerNotesProperty().set(10);
            vm.seedProperty().set(9);
        });
        generateAndWait(robot);
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        Piece before = vm.selectedPieceProperty().get();
        robot.clickOn(roll.rollCanvas());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A).release(javafx.scene.input.KeyCode.CONTROL);
        robot.type(javafx.scene.input.KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo Transpose 30 notes", vm.undoTextProperty().get());
        Piece edited = vm.selectedPieceProperty().get();
        assertEquals(before.notes().stream().map(n -> n.pitch() + 1).toList(), edited.notes().stream().map(Note::pitch).toList());
        assertEquals(edited, roll.pieceProperty().get(), "the roll and the player get the edited piece");
        assertEquals(edited, vm.editedPiece(vm.results().get(0)));

        Path dir = temp.resolve("all");
        robot.interact(() -> vm.exportAll(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Saved 2 variations"));
        GenerationResult first = vm.results().get(0), second = vm.results().get(1);
        Path v1 = dir.resolve("tune0-tiny-seed" + first.seed() + "-v1.mid"), v2 = dir.resolve("tune0-tiny-seed" + second.seed() + "-v2.mid");
        assertTrue(Files.isRegularFile(v1) && Files.isRegularFile(v2), vm.statusProperty().get());
        assertEquals(shape(edited.notes()), shape(MidiReader.read(v1).notes()), "the export has the edits");
        assertEquals(shape(second.piece().notes()), shape(MidiReader.read(v2).notes()));
        assertEquals(dir, vm.exportFolderProperty().get(), "the folder is remembered");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "atomic writes leave no part files");
        }
        // a second export all never overwrites: the names get -2
        robot.interact(() -> vm.exportAll(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("tune0-tiny-seed" + first.seed() + "-v1-2.mid")));

        // undo in the roll gives the generated notes back, and that is what exports then
        robot.clickOn("#roll-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.notes(), vm.selectedPieceProperty().get().notes());
        assertEquals("", vm.undoTextProperty().get());
    }

    @Test
    void aPrimerFromBarsOrFromTheDatasetRollsSelectionIsShadedAndNamed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelFileProperty().set(model);
            vm.variationsProperty().set(1);
            vm.lengthNotesProperty().set(12);
            vm.includePrimerProperty().set(true);
            vm.primerSourceProperty().set(PrimerSource.SELECTED_BARS);
            vm.primerFromBarProperty().set(2);
            vm.primerToBarProperty().set(3);
        });
        assertEquals("Primer: bars 2–3 of tune0", vm.primerTextProperty().get());
        generateAndWait(robot);
        GenerationResult r = vm.results().get(0);
        // two 4/4 bars of eighth notes (tune0's notes 8..23); the join is at the last one's onset
        List<Integer> expected = primer.notes().subList(8, 23).stream().map(Note::pitch).toList();
        assertEquals(expected, r.piece().notes().subList(0, 15).stream().map(Note::pitch).toList());
        assertEquals(15, r.piece().notes().stream().filter(n -> n.startSeconds() < r.joinSeconds() - 1e-9).count());
        assertEquals("Primer: tune0, bars 2–3", vm.selectedPrimerLabelProperty().get());
        PianoRoll roll = robot.lookup("#generate-roll").queryAs(PianoRoll.class);
        assertEquals("Primer: tune0, bars 2–3", roll.primerLabelProperty().get(), "the roll names the shaded primer");

        robot.interact(() -> {
            vm.setDatasetSelection(() -> primer.notes().subList(20, 25));
            vm.primerSourceProperty().set(PrimerSource.DATASET_SELECTION);
        });
        generateAndWait(robot);
        GenerationResult s = vm.results().get(0);
        assertEquals(primer.notes().subList(20, 24).stream().map(Note::pitch).toList(),
                s.piece().notes().subList(0, 4).stream().map(Note::pitch).toList(), "the selected notes start the result");
        assertEquals("Primer: tune0, 5 selected notes", vm.selectedPrimerLabelProperty().get());
    }

    @Test
    void asksForAModelBeforeGenerating(FxRobot robot) {
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.statusProperty().get().startsWith("Choose a model first"), vm.statusProperty().get());
    }
}
