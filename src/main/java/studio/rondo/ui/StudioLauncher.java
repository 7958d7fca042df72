package studio.rondo.ui;

import javafx.application.Application;

/** Opens the studio window (kept apart from Main so the CLI never loads JavaFX). */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
