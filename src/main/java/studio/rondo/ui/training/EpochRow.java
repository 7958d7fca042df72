package studio.rondo.ui.training;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.rondo.engine.eval.Readiness;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.music.Piece;

/** One finished epoch in the table: its figures, its readiness, and the sketch heard at its end. */
public final class EpochRow {
    private final EpochMetrics metrics;
    private final Readiness readiness;
    // Properties
    private final ObjectProperty<Piece> sample = new SimpleObjectProperty<>();
    private final StringProperty sampleState = new SimpleStringProperty("");

    EpochRow(EpochMetrics metrics, Readiness readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    public EpochMetrics metrics() { return metrics; }
    public Readiness readiness() { return readiness; }
    /** The few bars the model played at the end of this epoch (null until made, or when none could be). */
    public ObjectProperty<Piece> sampleProperty() { return sample; }
    /** "making…", "" when ready, or why there is none. */
    public StringProperty sampleStateProperty() { return sampleState; }
}
