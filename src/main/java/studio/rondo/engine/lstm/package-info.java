/**
 * Fast LSTM for DL4J: {@link studio.rondo.engine.lstm.FusedLstm}, a drop-in replacement for DL4J's
 * {@code LSTM} layer (same parameters W [nIn,4H], RW [H,4H], b [4H], same gate order and math) that runs
 * forward and backward over the whole sequence in plain Java with a few large GEMMs, and
 * {@link studio.rondo.engine.lstm.FusedRnnOutput}, DL4J's {@code RnnOutputLayer} with the same parameters,
 * loss and score whose training pass (logits, softmax, loss, gradients of every step) runs on the same
 * threads, and {@link studio.rondo.engine.lstm.LstmStepKernel} + {@link studio.rondo.engine.lstm.DenseHead}
 * for batch-1 generation without ND4J.
 *
 * <p>Kernels: {@link studio.rondo.engine.lstm.Kernels#best()} uses the JDK Vector API when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the class using it is loaded only then), else
 * plain Java loops. Launchers must pass that flag to get the fast path.
 *
 * <p>Supported: full BPTT and truncated BPTT (DL4J's state semantics), rnnTimeStep, feature masks
 * (DL4J semantics: h and c zeroed at masked steps), input dropout (plain fixed-rate Dropout applied by the layer itself on its threads, other IDropout kinds through DL4J), NCW and NWC
 * formats, weight noise via getParamWithNoise. Float arithmetic inside even in a double network.
 */
package studio.rondo.engine.lstm;
