package studio.rondo.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the studio remembers between runs. Plain fields so Jackson maps them directly. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {
    // Window
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1200;
    public double windowHeight = 760;
    public boolean maximized;
    public String lastWorkspace = "DATASET";

    // Generate
    /** The model Generate uses: "bundled:NAME" or a model file's path; null until one is chosen (a first start picks the default bundled model). */
    public String generateModel;

    /** The folder exports went to last (dialogs open there); null for none yet. */
    public String exportFolder;

    /** MIDI files opened through File > Open MIDI, newest first (at most 10). */
    public java.util.List<String> recentFiles = new java.util.ArrayList<>();

    // Engine
    /** Engine threads (the fused LSTM's); 0 means the default, all cores up to 8. */
    public int threads;

    // Sound
    /** A user SoundFont (.sf2) path, or null for the built-in sounds. */
    public String soundFont;
}
