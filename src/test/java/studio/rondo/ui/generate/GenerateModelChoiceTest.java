package studio.rondo.ui.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.SettingsStore;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;
import studio.rondo.sound.WavRenderer;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.player.TransportViewModel;

/** Model selection in the Generate workspace: bundled models first, a first start ready to generate. */
@ExtendWith(ApplicationExtension.class)
class GenerateModelChoiceTest {
    @TempDir
    static Path temp;
    private GenerateViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new GenerateViewModel(Background.executor(), () -> null, WavRenderer::new);
        TransportViewModel transport = new TransportViewModel(new SettingsStore(temp.resolve("settings.json")));
        stage.setScene(new Scene(new GenerateView(vm, transport), 1100, 700));
        stage.show();
    }

    @Test
    void aFirstStartSelectsThePianoModelAndGenerateWorksStraightAway(FxRobot robot) throws Exception {
        List<BundledModel> bundled = BundledModels.list();
        robot.interact(() -> vm.offerModels(bundled, temp.resolve("no-models-yet"), null));
        assertEquals(2, vm.modelChoices().size());
        assertEquals("piano", vm.modelChoiceProperty().get().bundled().name());
        assertEquals(bundled.get(0).file(), vm.modelFileProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> combo = robot.lookup("#generate-model-choice").queryAs(ComboBox.class);
        assertTrue(combo.getValue().label().startsWith("Piano (pitch-step-duration"), combo.getValue().label());
        assertTrue(vm.modelTextProperty().get().contains("www.piano-midi.de"), vm.modelTextProperty().get());
        assertEquals(PrimerSource.NONE, vm.primerSourceProperty().get(), "no corpus yet: start from nothing");
        assertEquals("bundled:piano", vm.rememberedModel());

        robot.interact(() -> {
            vm.variationsProperty().set(2);
            vm.lengthNotesProperty().set(30);
        });
        robot.clickOn("#generate-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        assertEquals(2, vm.results().size(), vm.statusProperty().get());
        assertEquals(30, vm.results().get(0).stats().notes());

        // Choosing the other bundled model in the list switches the model file.
        robot.interact(() -> combo.setValue(vm.modelChoices().get(1)));
        assertEquals(bundled.get(1).file(), vm.modelFileProperty().get());
        assertEquals("bundled:expressive", vm.rememberedModel());
    }

    @Test
    void listsTheUsersModelsAndRemembersTheChoice(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(temp.resolve("models"));
        Path trained = mine.resolve("pitch-step-duration-1.zip");
        Files.copy(BundledModels.find("piano").orElseThrow().file(), trained, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(mine.resolve("pitch-step-duration-1.checkpoint.zip"), "left out");
        robot.interact(() -> vm.offerModels(BundledModels.list(), mine, "bundled:expressive"));
        assertEquals(3, vm.modelChoices().size(), vm.modelChoices().toString());
        assertEquals("expressive", vm.modelChoiceProperty().get().bundled().name());
        assertEquals(PrimerSource.SELECTED_PIECE, vm.primerSourceProperty().get(), "not a first start: the primer stays");

        robot.interact(() -> vm.offerModels(BundledModels.list(), mine, trained.toString()));
        assertEquals(trained, vm.modelFileProperty().get());
        assertEquals(trained.toAbsolutePath().toString(), vm.rememberedModel());

        // A file opened from elsewhere joins the list and is selected.
        Path opened = temp.resolve("opened.zip");
        Files.copy(trained, opened, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> vm.modelFileProperty().set(opened));
        assertEquals(4, vm.modelChoices().size());
        assertEquals(opened, vm.modelChoiceProperty().get().file());
        assertNull(vm.modelChoiceProperty().get().bundled());
    }

    @Test
    void withoutBundledModelsNothingIsSelected(FxRobot robot) {
        robot.interact(() -> vm.offerModels(List.of(), null, null));
        assertTrue(vm.modelChoices().isEmpty());
        assertNull(vm.modelFileProperty().get());
        assertEquals(PrimerSource.SELECTED_PIECE, vm.primerSourceProperty().get());
    }

    @Test
    void followsTheLibraryWhenModelsAreRenamedOrDeleted(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(temp.resolve("library"));
        Path a = Files.copy(BundledModels.find("piano").orElseThrow().file(), mine.resolve("a.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path b = Files.copy(BundledModels.find("piano").orElseThrow().file(), mine.resolve("b.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> vm.offerModels(BundledModels.list(), mine, b.toString()));
        assertEquals(b, vm.modelFileProperty().get());
        // b is renamed to c, then deleted: the list follows, and the choice falls back to a bundled model.
        Path c = Files.move(b, mine.resolve("c.zip"));
        robot.interact(() -> vm.libraryChanged(List.of(a, c)));
        assertEquals(List.of("piano", "expressive", "a.zip", "c.zip"), vm.modelChoices().stream()
                .map(m -> m.isBundled() ? m.bundled().name() : m.file().getFileName().toString()).toList());
        assertTrue(vm.modelChoiceProperty().get().isBundled(), "the chosen model is gone: " + vm.modelChoiceProperty().get());
        robot.interact(() -> vm.modelFileProperty().set(c));
        Files.delete(c);
        robot.interact(() -> vm.libraryChanged(List.of(a)));
        assertEquals(3, vm.modelChoices().size());
        assertTrue(vm.modelChoiceProperty().get().isBundled());
    }
}
