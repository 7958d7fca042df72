package studio.rondo.engine.generate;

import java.nio.file.Path;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.music.Piece;

/**
 * A few bars from a model in training, always from the same primer and seed, so that one epoch's
 * sample can be heard against the last: how the model learns, by ear.
 */
public final class Sketch {
    public static final int PRIMER_NOTES = 16, BARS = 4;
    /** An early model may pile thousands of notes into a bar: a sketch stops at this many events. */
    static final int MAX_EVENTS = 600;
    static final long SEED = 7;

    private Sketch() {
    }

    /**
     * @param modelFile a model or checkpoint file (read whole: a file replaced meanwhile by an atomic
     *                  rename is read either before or after)
     * @param primer    the piece whose first notes start every sketch of the run
     * @return the primer's notes and the model's continuation
     */
    public static GenerationResult of(Path modelFile, Piece primer) throws ModelFileException {
        LoadedModel m = ModelStore.load(modelFile);
        GenerationRequest request = new GenerationRequest(Primer.firstNotes(primer, PRIMER_NOTES), Length.bars(BARS).withMaxEvents(MAX_EVENTS),
                Sampling.of(SEED), 1, true);
        return Generator.of(m).generate(request).get(0);
    }
}
