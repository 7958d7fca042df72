package studio.rondo.ui.generate;

/** Where the notes that start a generation come from. */
public enum PrimerSource {
    NONE("Nothing: the model starts on its own"),
    SELECTED_PIECE("The piece selected in the Dataset workspace"),
    SELECTED_BARS("Bars of the piece selected in the Dataset workspace"),
    DATASET_SELECTION("The notes selected in the Dataset's piano roll"),
    FILE("A MIDI file");

    private final String label;

    PrimerSource(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
