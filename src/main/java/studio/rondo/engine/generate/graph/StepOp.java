package studio.rondo.engine.generate.graph;

/**
 * One vertex of a network evaluated at batch 1 for one time step: reads the current outputs of its
 * input vertices, returns its own. Vertices that only pass a value on (last time step, dropout at
 * inference) have no op: the compiler points their consumers at the producer instead.
 */
interface StepOp {

    /** Entries of the output vector. */
    int width();

    /**
     * This vertex's output for the current step.
     *
     * @param inputs the outputs of the input vertices, in the vertex's input order
     * @return an internal array, valid until the next call
     */
    float[] apply(float[][] inputs);

    /** True for the ops that carry state from one step to the next (LSTM layers). */
    default boolean recurrent() {
        return false;
    }

    /** Forgets the state carried between steps. */
    default void reset() {
    }
}
