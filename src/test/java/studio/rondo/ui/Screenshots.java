package studio.rondo.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves what a test shows as DIR/NAME.png when run with {@code -Drondo.screenshots=DIR}: lets a person look. */
public final class Screenshots {
    private Screenshots() {
    }

    public static void saveIfAsked(FxRobot robot, Scene scene, String name) {
        String dir = System.getProperty("rondo.screenshots");
        if (dir == null) return;
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", Path.of(dir, name + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
