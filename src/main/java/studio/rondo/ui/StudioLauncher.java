package studio.rondo.ui;

import javafx.application.Application;
import studio.rondo.app.SettingsStore;

/** Opens the studio window (kept apart from Main so the CLI never loads JavaFX). */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Returns only when the window has closed; a machine without a display gets a one-line message. */
    public static int launch(String[] args) {
        try {
            StartupWarmup.start(SettingsStore.standard());
            Application.launch(StudioApp.class, args);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            if (Boolean.getBoolean("rondo.verbose")) e.printStackTrace();
            System.err.println("rondo: cannot open the studio window (" + (e.getMessage() != null ? e.getMessage() : e)
                    + "). Is there a display? The command line works without one: rondo --help");
            return 1;
        }
    }
}
