package studio.rondo.engine.generate;

/**
 * A network run one time step at a time, batch 1, carrying its recurrent state between calls. The
 * generator only talks to this, so the batch-1 kernels ({@link KernelStepModel}) replace DL4J's
 * {@code rnnTimeStep} ({@link Dl4jStepModel}) without the generator changing.
 *
 * <p>Inputs are one time step's features as {@code InputLayout.write(Step, float[])} writes them.
 * Outputs are one array per head, in head (= encoding stream) order: the probabilities of a
 * categorical head (softmax, summing to 1), or the single value of a real head. They may be the
 * model's own arrays, valid until the next call.
 *
 * <p>Not thread-safe: one generation at a time per instance.
 */
public interface StepModel {

    /** Input features per time step. */
    int inputFeatures();

    /** Forgets the recurrent state (the next call starts a new sequence). */
    void reset();

    /**
     * Feeds several steps in one call (after {@link #reset}) and returns the head outputs after the
     * last one, i.e. the prediction of the step that follows.
     *
     * @param steps {@code steps[t]} = features of time step t; at least one step
     */
    float[][] prime(float[][] steps);

    /** Feeds one step and returns the head outputs predicting the step after it. */
    float[][] step(float[] input);
}
