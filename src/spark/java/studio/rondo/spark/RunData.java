package studio.rondo.spark;

import java.io.Serializable;

/**
 * What stays the same from round to round of a run, broadcast once (not with every task): the fitted
 * encoding, the kind of targets, and the training corpus the executors read (null: windows travel
 * with their steps).
 */
record RunData(String encodingSpec, boolean everyStep, CorpusShare corpus) implements Serializable {
}
