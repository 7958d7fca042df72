/**
 * Networks and model files.
 *
 * <p>{@link studio.rondo.engine.model.NetworkFactory} builds each preset's DL4J
 * {@code ComputationGraph} from an encoding's streams and {@link studio.rondo.engine.model.Hyperparameters}.
 * The contract every network keeps, which the trainer and the generator rely on:
 * <ul>
 *   <li>one input, {@value studio.rondo.engine.model.NetworkFactory#INPUT}: [batch, features, time]
 *       as {@link studio.rondo.engine.encoding.InputLayout} writes it
 *       ({@link studio.rondo.engine.model.WindowBatches} for windows; {@code InputLayout.write(Step, float[])}
 *       for one generated step);</li>
 *   <li>one output per encoding stream, in stream order ({@link studio.rondo.engine.model.Preset#heads}):
 *       categorical streams give softmax probabilities [batch, classes], real streams one value
 *       [batch, 1]; each predicts the step after the last input step;</li>
 *   <li>generation steps with {@code rnnClearPreviousState()} then {@code rnnTimeStep(x)} per step,
 *       {@code x} a fresh [1, features, 1] array (not a view of a longer array: DL4J's SubsetVertex
 *       mishandles views in rnnTimeStep). Stepping through a window gives the same outputs as the
 *       whole window (tested).</li>
 * </ul>
 * Every LSTM is made by the {@link studio.rondo.engine.model.LstmFactory} in
 * {@link studio.rondo.engine.model.LstmLayers} (DL4J's own by default), so a faster LSTM can be
 * swapped in at one place.
 *
 * <p>{@link studio.rondo.engine.store.ModelStore} writes one zip per model: DL4J's entries plus
 * {@code rondo.json} ({@link studio.rondo.engine.model.ModelInfo}); no Java serialization.
 */
package studio.rondo.engine.model;
