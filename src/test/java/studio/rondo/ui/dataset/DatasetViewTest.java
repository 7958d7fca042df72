package studio.rondo.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.SettingsStore;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.dataset.Split;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;
import studio.rondo.sound.PlayerState;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.pianoroll.PianoRoll;
import studio.rondo.ui.player.TransportViewModel;

@ExtendWith(ApplicationExtension.class)
class DatasetViewTest {
    @TempDir
    Path temp;

    private DatasetViewModel vm;
    private TransportViewModel transport;
    private Path manifest;

    @Start
    void start(Stage stage) {
        manifest = temp.resolve("home/corpus.json");
        vm = new DatasetViewModel(manifest, Background.executor());
        transport = new TransportViewModel(new SettingsStore(temp.resolve("home/settings.json")));
        stage.setScene(new Scene(new DatasetView(vm, transport), 1100, 700));
        stage.show();
    }

    /** A folder of four small scales and one file that is not MIDI at all. */
    private Path corpusFolder() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("corpus/bach"));
        for (int k = 0; k < 4; k++) {
            List<TimedNote> notes = new ArrayList<>();
            for (int i = 0; i < 16; i++) notes.add(new TimedNote(60 + k + i % 8, 80, 0, i * 0.25, i * 0.25 + 0.2));
            MidiWriter.write(Piece.fromSeconds("scale" + k, notes, TempoMap.constant(480, 120)), dir.resolve("scale" + k + ".mid"));
        }
        Files.writeString(dir.resolve("broken.mid"), "this is a text file, not music");
        return dir;
    }

    private void addAndWait(Path dir) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.add(List.of(dir))).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<CorpusEntry> table(FxRobot robot) {
        return robot.lookup("#dataset-table").queryAs(TableView.class);
    }

    @Test
    void addingAFolderFillsTheTableAndShowsTheCorruptFilesReason(FxRobot robot) throws Exception {
        addAndWait(corpusFolder());
        TableView<CorpusEntry> table = table(robot);
        assertEquals(5, table.getItems().size());
        CorpusEntry broken = table.getItems().stream().filter(e -> !e.ok()).findFirst().orElseThrow();
        assertTrue(broken.problem().contains("not a MIDI file"), broken.problem());
        assertTrue(robot.lookup(broken.problem()).tryQuery().isPresent(), "the reason is shown in the table");
        String totals = robot.lookup("#dataset-totals").queryAs(Label.class).getText();
        assertTrue(totals.startsWith("4 pieces") && totals.contains("1 unreadable"), totals);
        assertTrue(totals.contains("1 validation"), "a default split is made: " + totals);
    }

    @Test
    void movesASelectedPieceToTheOtherSide(FxRobot robot) throws Exception {
        addAndWait(corpusFolder());
        TableView<CorpusEntry> table = table(robot);
        CorpusEntry training = table.getItems().stream().filter(e -> e.ok() && e.split() == Split.TRAIN).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(training)));
        robot.clickOn("#dataset-to-validation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Split.VALIDATION, vm.corpus().entry(training.file()).orElseThrow().split());
        assertEquals(Split.VALIDATION, table.getItems().stream().filter(e -> e.file().equals(training.file()))
                .findFirst().orElseThrow().split());
    }

    @Test
    void theCorpusComesBackAfterARestart(FxRobot robot) throws Exception {
        addAndWait(corpusFolder());
        CorpusEntry first = vm.corpus().entries().stream().filter(CorpusEntry::ok).findFirst().orElseThrow();
        Split moved = first.split() == Split.TRAIN ? Split.VALIDATION : Split.TRAIN;
        robot.interact(() -> vm.move(first, moved));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(manifest)
                && Files.readString(manifest).contains("\"" + moved.name() + "\""));
        // The manifest is written to a temporary file and renamed: once it shows the move, it is complete.

        DatasetViewModel reopened = new DatasetViewModel(manifest, Background.executor());
        WaitForAsyncUtils.asyncFx(reopened::reopen).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !reopened.busyProperty().get() && !reopened.visibleEntries().isEmpty());
        assertEquals(5, reopened.corpus().size());
        assertEquals(moved, reopened.corpus().entry(first.file()).orElseThrow().split());
    }

    @Test
    void downloadsACorpusFromTheCatalogAndAddsIt(FxRobot robot) throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (int k = 0; k < 3; k++) {
                java.io.ByteArrayOutputStream mid = new java.io.ByteArrayOutputStream();
                List<TimedNote> notes = List.of(new TimedNote(60 + k, 90, 0, 0, 0.5), new TimedNote(64 + k, 90, 0, 0.5, 1));
                MidiWriter.write(Piece.fromSeconds("tune" + k, notes, TempoMap.constant(480, 100)), mid);
                out.putNextEntry(new java.util.zip.ZipEntry("tunes/tune" + k + ".mid"));
                out.write(mid.toByteArray());
                out.closeEntry();
            }
        }
        try (studio.rondo.dataset.catalog.LocalServer server = new studio.rondo.dataset.catalog.LocalServer()) {
            server.serve("/tunes.zip", zip.toByteArray());
            var entry = new studio.rondo.dataset.catalog.CatalogEntry("tunes", "Three tunes", "A test corpus", "CC0", null, null,
                    server.url("/tunes.zip"), (long) zip.size(), null, "tests/tunes", null);
            WaitForAsyncUtils.asyncFx(() -> vm.download(entry)).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.corpus().size() == 3);
        }
        assertTrue(vm.corpus().entries().stream().allMatch(e -> e.ok() && e.file().startsWith(temp.resolve("home/corpora/tests/tunes"))),
                vm.corpus().entries().toString());
    }

    @Test
    void selectingAPieceShowsItInThePianoRollAndPlaybackSaysWhyItIsSilent(FxRobot robot) throws Exception {
        addAndWait(corpusFolder());
        TableView<CorpusEntry> table = table(robot);
        CorpusEntry piece = table.getItems().stream().filter(CorpusEntry::ok).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(piece)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.selectedPieceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        PianoRoll roll = robot.lookup("#dataset-roll").queryAs(PianoRoll.class);
        assertNotNull(roll.pieceProperty().get());
        assertEquals(16, roll.pieceProperty().get().notes().size());

        robot.clickOn("#transport-play");
        WaitForAsyncUtils.waitForFxEvents();
        // Machines without a sound card (CI) get the message; machines with one play.
        if (transport.problemProperty().get() != null) {
            Label problem = robot.lookup("#transport-problem").queryAs(Label.class);
            assertTrue(problem.isVisible());
            assertEquals("No audio device", problem.getText(), "an icon and two words: the transport keeps its controls");
            assertTrue(problem.getTooltip().getText().startsWith("No audio output device"), problem.getTooltip().getText());
        } else {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> transport.stateProperty().get() == PlayerState.PLAYING);
            robot.clickOn("#transport-stop");
        }
    }

    private static List<Path> keptAside(Path manifest, String label) throws Exception {
        try (var files = Files.list(manifest.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(manifest.getFileName() + "." + label + "-")).toList();
        }
    }

    private static void waitUntilIdle(DatasetViewModel model) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDamagedCorpusListIsKeptAsideAndNotOverwrittenByTheNextAdd() throws Exception {
        Path folder = corpusFolder();
        addAndWait(folder);
        byte[] saved = Files.readAllBytes(manifest);
        byte[] truncated = java.util.Arrays.copyOf(saved, Math.min(3000, saved.length / 2));
        Files.write(manifest, truncated);

        DatasetViewModel restarted = new DatasetViewModel(manifest, Background.executor());
        WaitForAsyncUtils.asyncFx(restarted::reopen).get();
        waitUntilIdle(restarted);
        List<Path> kept = keptAside(manifest, "damaged");
        assertEquals(1, kept.size(), "the damaged list is kept under a new name");
        org.junit.jupiter.api.Assertions.assertArrayEquals(truncated, Files.readAllBytes(kept.get(0)));
        String said = restarted.messageProperty().get();
        assertTrue(said.contains("could not be opened") && said.contains(kept.get(0).getFileName().toString()), said);
        assertTrue(!said.contains("failed"), said);

        WaitForAsyncUtils.asyncFx(() -> restarted.add(List.of(folder.resolve("scale0.mid")))).get();
        waitUntilIdle(restarted);
        org.junit.jupiter.api.Assertions.assertArrayEquals(truncated, Files.readAllBytes(kept.get(0)), "adding a file leaves it alone");
        assertTrue(Files.readString(manifest).contains("scale0.mid"), "the new list is saved as corpus.json");
    }

    @Test
    void aCorpusListFromANewerVersionIsKeptAsideAndTheMessageSaysSo() throws Exception {
        Files.createDirectories(manifest.getParent());
        String newer = "{\"format\":\"rondo-corpus\",\"version\":2,\"entries\":[]}";
        Files.writeString(manifest, newer);
        DatasetViewModel restarted = new DatasetViewModel(manifest, Background.executor());
        WaitForAsyncUtils.asyncFx(restarted::reopen).get();
        waitUntilIdle(restarted);
        List<Path> kept = keptAside(manifest, "newer-version");
        assertEquals(1, kept.size());
        assertEquals(newer, Files.readString(kept.get(0)));
        assertTrue(restarted.messageProperty().get().contains("newer Rondo Studio"), restarted.messageProperty().get());
    }

    @Test
    void aSavedListThatWasNeverOpenedIsKeptAsideBeforeTheFirstSave() throws Exception {
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"format\":\"rondo-corpus\",\"version\":1,\"entries\":[{\"path\":\"elsewhere.mid\"}]}");
        String before = Files.readString(manifest);
        addAndWait(corpusFolder()); // vm never reopened the list
        List<Path> kept = keptAside(manifest, "unopened");
        assertEquals(1, kept.size());
        assertEquals(before, Files.readString(kept.get(0)));
        assertTrue(vm.messageProperty().get().contains(kept.get(0).getFileName().toString()), vm.messageProperty().get());
    }
}
