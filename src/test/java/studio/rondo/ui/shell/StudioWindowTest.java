package studio.rondo.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.app.AppInfo;
import studio.rondo.app.SettingsStore;
import studio.rondo.ui.common.Background;

@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    @TempDir
    static Path home;

    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new StudioWindow(stage, new SettingsStore(home.resolve("settings.json")), Background.executor());
        window.open(window.viewModel().defaultEngineLoader());
    }

    @Test
    void visitsEachWorkspaceFromTheNavigation(FxRobot robot) {
        for (Workspace w : Workspace.values()) {
            robot.clickOn("#nav-" + w.name().toLowerCase());
            assertTrue(robot.lookup("#workspace-" + w.name().toLowerCase()).tryQuery().map(n -> n.isVisible()).orElse(false),
                    w + " is shown");
            assertEquals(w, window.viewModel().workspaceProperty().get());
        }
    }

    @Test
    void loadsTheEngineInTheBackgroundAndSaysSoInTheStatusBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> window.viewModel().engineStateProperty().get() != EngineState.LOADING);
        assertEquals(EngineState.READY, window.viewModel().engineStateProperty().get(),
                window.viewModel().engineTextProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#engine-status").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Engine ready: ND4J CPU"), shown);
    }

    @Test
    void aboutDialogShowsVersionAndLicenses(FxRobot robot) {
        robot.clickOn("#menu-help").clickOn("About Rondo Studio");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(AppInfo.NAME + " " + AppInfo.version()).tryQuery().isPresent());
        String licenses = robot.lookup("#about-licenses").queryAs(TextArea.class).getText();
        assertTrue(licenses.contains("CC BY-SA 3.0 DE") && licenses.contains("Deeplearning4j"), licenses);
        robot.clickOn("Close");
    }

    @Test
    void remembersWorkspaceAndWindowSizeBetweenRuns(FxRobot robot) {
        robot.clickOn("#nav-generate");
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.hide(); // closing the window saves the settings
        });
        robot.interact(() -> {
            Stage again = new Stage();
            StudioWindow reopened = new StudioWindow(again, new SettingsStore(home.resolve("settings.json")), Background.executor());
            assertEquals(Workspace.GENERATE, reopened.viewModel().workspaceProperty().get());
            assertEquals(1000, reopened.viewModel().settings().windowWidth, 0.5);
            assertEquals(700, reopened.viewModel().settings().windowHeight, 0.5);
        });
    }
}
