package studio.rondo.dataset;

/** Which side of the train/validation split a piece is on (split by piece, never by window). */
public enum Split {
    TRAIN, VALIDATION
}
