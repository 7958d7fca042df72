package studio.rondo.engine.eval;

/**
 * Whether a model in training is worth generating with, in words, from its validation figures against
 * the corpus's baseline: the NLL of the next note relative to the training corpus's note
 * frequencies (1.0 = no better than picking notes by how common they are).
 *
 * <p>The thresholds come from real runs on piano-midi.de and the Mozart set (see the README,
 * "When is a model ready?"): below 0.90 of the baseline the samples stop being scales of common notes;
 * at 0.78 and 18 % top-1 (five minutes on the Mozart set with the defaults) phrases hang together;
 * at 0.65 and 30 % (the bundled piano model from its 14th epoch) it is as good as the bundled model.
 */
public enum Readiness {
    UNKNOWN("no validation pieces: nothing to measure readiness on"),
    LEARNING_NOTES("still learning which notes are common"),
    LEARNING_HARMONY("learning melody and harmony: samples begin to hang together"),
    READY("ready to generate"),
    STRONG("ready to generate, as good as the bundled models");

    static final double NOTES = 0.90, READY_RATIO = 0.78, READY_TOP1 = 0.18, STRONG_RATIO = 0.65, STRONG_TOP1 = 0.30;

    private final String words;

    Readiness(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /**
     * @param valNll     validation NLL of the main head (nats per event), or null
     * @param unigramNll the corpus baseline on the same windows, or null
     * @param top1       validation top-1 of the main head, or null
     */
    public static Readiness of(Double valNll, Double unigramNll, Double top1) {
        if (valNll == null || unigramNll == null || !(unigramNll > 0)) return UNKNOWN;
        double ratio = valNll / unigramNll;
        double t = top1 == null ? 0 : top1;
        if (ratio <= STRONG_RATIO && t >= STRONG_TOP1) return STRONG;
        if (ratio <= READY_RATIO && t >= READY_TOP1) return READY;
        if (ratio <= NOTES) return LEARNING_HARMONY;
        return LEARNING_NOTES;
    }
}
