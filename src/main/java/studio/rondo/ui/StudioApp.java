package studio.rondo.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Rondo Studio"), 800, 600));
        stage.show();
    }
}
