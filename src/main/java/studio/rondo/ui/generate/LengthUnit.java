package studio.rondo.ui.generate;

/** What the length of a generation counts. */
public enum LengthUnit {
    NOTES("notes"),
    SECONDS("seconds"),
    BARS("bars");

    private final String label;

    LengthUnit(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
