package studio.rondo.engine.generate;

/**
 * Progress of a generation, called on the generating thread (a UI coalesces these onto its own
 * thread). Called every few steps and once when each variation is done.
 */
@FunctionalInterface
public interface GenerationListener {
    GenerationListener NONE = p -> { };

    void onProgress(Progress progress);

    /**
     * @param variation  0-based index of the variation being generated
     * @param variations variations asked for
     * @param events     steps generated so far in this variation
     * @param fraction   progress of this variation towards its length, 0..1
     * @param overall    progress of the whole request, 0..1
     */
    record Progress(int variation, int variations, int events, double fraction, double overall) {
    }
}
