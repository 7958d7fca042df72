package studio.rondo.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The three workspaces of the studio, in the order a musician uses them. */
public enum Workspace {
    DATASET("Dataset", MaterialDesignF.FOLDER_MUSIC_OUTLINE,
            "Bring your MIDI files: add folders, check every piece, choose which pieces train and which validate."),
    TRAINING("Training", MaterialDesignB.BRAIN,
            "Pick a preset, train an LSTM on your corpus and watch its loss curves live."),
    GENERATE("Generate", MaterialDesignC.CREATION,
            "Prime a trained model with your own notes, generate variations, listen, and export .mid or .wav.");

    private final String title;
    private final Ikon icon;
    private final String purpose;

    Workspace(String title, Ikon icon, String purpose) {
        this.title = title;
        this.icon = icon;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public String purpose() {
        return purpose;
    }

    /** The workspace saved in settings, or the first one when the name is unknown. */
    public static Workspace fromName(String name) {
        for (Workspace w : values()) if (w.name().equalsIgnoreCase(name)) return w;
        return DATASET;
    }
}
