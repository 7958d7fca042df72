package studio.rondo.ui.shell;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Measures and pictures the real window, for the README, benchmarks and the installer smoke check:
 * {@code -Drondo.probe=FILE.png} (or RONDO_PROBE in the environment, for mvn javafx:run) prints how long the window and the engine took from JVM start,
 * saves a screenshot once the engine is up (or failed), and quits. Does nothing without the property.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void attach(Stage stage, StudioWindow window) {
        String target = System.getProperty("rondo.probe", System.getenv("RONDO_PROBE"));
        if (target == null || target.isBlank()) return;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long shownMs = System.currentTimeMillis() - jvmStart;
        var vm = window.viewModel();
        String workspace = System.getProperty("rondo.probe.workspace");
        if (workspace != null) vm.select(Workspace.fromName(workspace));
        Runnable finish = () -> {
            long engineMs = System.currentTimeMillis() - jvmStart;
            // Let the status bar repaint once before the picture is taken.
            PauseTransition settle = new PauseTransition(Duration.millis(300));
            settle.setOnFinished(e -> {
                try {
                    var image = stage.getScene().snapshot(null);
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(target));
                    System.out.println("window shown after " + shownMs + " ms; engine " + vm.engineStateProperty().get()
                            .name().toLowerCase() + " after " + engineMs + " ms; screenshot " + target);
                } catch (IOException ex) {
                    System.err.println("rondo: could not write screenshot " + target + ": " + ex.getMessage());
                }
                Platform.exit();
            });
            settle.play();
        };
        if (vm.engineStateProperty().get() != EngineState.LOADING) finish.run();
        else vm.engineStateProperty().addListener((obs, old, now) -> {
            if (now != EngineState.LOADING) finish.run();
        });
    }
}
