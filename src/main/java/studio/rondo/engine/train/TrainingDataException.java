package studio.rondo.engine.train;

/** The corpus cannot be trained on (too few or too short pieces), or the settings make training diverge; the message says why. */
public class TrainingDataException extends RuntimeException {
    public TrainingDataException(String message) {
        super(message);
    }
}
