package studio.rondo.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import studio.rondo.app.SettingsStore;
import studio.rondo.music.edit.PieceEditor;
import studio.rondo.ui.common.Background;
import studio.rondo.ui.generate.LengthUnit;
import studio.rondo.ui.generate.PrimerSource;
import studio.rondo.ui.shell.StudioWindow;
import studio.rondo.ui.shell.Workspace;

/**
 * Pictures of the real window for the README and for a person to look at, taken under Xvfb:
 * opens a MIDI file (File > Open MIDI's path), continues it with the default model, selects and
 * edits notes in the Generate roll, and saves the window at 1440x900 and 1024x640.
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:target/lib/* studio.rondo.ui.EditorScreenshots MIDI OUTDIR}
 */
public final class EditorScreenshots {
    private static Path midi;
    private static Path out;

    public static void main(String[] args) {
        midi = Path.of(args[0]);
        out = Path.of(args[1]);
        Application.launch(App.class, args);
    }

    /** The JavaFX application (a nested class: a main class that is an Application needs the JavaFX modules on the module path). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            open(stage);
        }
    }

    static void open(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("rondo-shots");
        Files.writeString(home.resolve("settings.json"), "{\"windowWidth\":1440,\"windowHeight\":900,\"windowX\":0,\"windowY\":0}");
        StudioWindow window = new StudioWindow(stage, new SettingsStore(home.resolve("settings.json")), Background.executor());
        window.open(window.viewModel().defaultEngineLoader());
        Thread script = new Thread(() -> {
            try {
                run(stage, window);
            } catch (Throwable e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                System.exit(0);
            }
        });
        script.setDaemon(true);
        script.start();
    }

    private static void run(Stage stage, StudioWindow w) throws Exception {
        fx(() -> {
            w.viewModel().openMidi(midi);
            return null;
        });
        waitFor(() -> w.dataset().selectedPieceProperty().get() != null, 60);
        Thread.sleep(800);
        shot(stage, "dataset-1440x900");
        fx(() -> {
            var g = w.generate();
            w.viewModel().select(Workspace.GENERATE);
            g.primerSourceProperty().set(PrimerSource.SELECTED_PIECE);
            g.primerNotesProperty().set(60);
            g.lengthUnitProperty().set(LengthUnit.BARS);
            g.lengthBarsProperty().set(8);
            g.variationsProperty().set(3);
            g.seedProperty().set(311);
            g.includePrimerProperty().set(true);
            g.generate();
            return null;
        });
        waitFor(() -> !w.generate().runningProperty().get() && !w.generate().results().isEmpty(), 180);
        fx(() -> {
            var g = w.generate();
            g.selectedProperty().set(g.results().get(0));
            PieceEditor ed = g.selectedEditorProperty().get();
            long bar = ed.resolution() * 4L;
            // the notes of the 11th bar, made a little louder: a selection and an edit in the history
            ed.select(ed.notesIn(10 * bar, 11 * bar, 0, 127));
            ed.changeVelocity(12);
            w.transport().togglePlay(); // no sound card under Xvfb: the transport shows why
            return null;
        });
        Thread.sleep(1200);
        shot(stage, "generate-editor-1440x900");
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(640);
            return null;
        });
        Thread.sleep(1200);
        fx(() -> {
            w.view().activeRoll().ifPresent(r -> r.fit());
            return null;
        });
        Thread.sleep(600);
        shot(stage, "generate-editor-1024x640");
        fx(() -> {
            w.viewModel().select(Workspace.DATASET);
            return null;
        });
        Thread.sleep(900);
        shot(stage, "dataset-1024x640");
    }

    private static void shot(Stage stage, String name) throws Exception {
        fx(() -> {
            File f = out.resolve(name + ".png").toFile();
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", f);
            System.out.println("saved " + f);
            return null;
        });
    }

    private static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (!fx(condition)) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out");
            Thread.sleep(200);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get();
    }
}
