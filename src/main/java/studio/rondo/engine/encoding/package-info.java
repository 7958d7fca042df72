/**
 * Representations: an {@link studio.rondo.engine.encoding.Encoding} turns a piece into a sequence
 * of {@link studio.rondo.engine.encoding.Step}s and sampled steps back into notes.
 *
 * <p>For the network and trainer:
 * <ul>
 *   <li>{@link studio.rondo.engine.encoding.Encoding#streams()} describes each step: a categorical
 *       stream (class count = softmax head size) or a real one (one output), and how it is fed as
 *       input ({@link studio.rondo.engine.encoding.StreamSpec.InputForm}).</li>
 *   <li>{@link studio.rondo.engine.encoding.Window#over} cuts encoded pieces into examples;
 *       {@link studio.rondo.engine.encoding.InputLayout} and
 *       {@link studio.rondo.engine.encoding.Targets} fill flat float arrays in ND4J's C order
 *       ([batch, features, time] inputs; [batch, size] or [batch, size, time] labels).</li>
 *   <li>Encodings with corpus vocabularies (three-stream, chord-tokens) must be fitted on the
 *       training corpus, including any transposed copies, before encoding;
 *       {@link studio.rondo.engine.encoding.Encoding#spec()} is what a model file stores and
 *       {@link studio.rondo.engine.encoding.Encodings#fromSpec} rebuilds the same encoding.</li>
 * </ul>
 * Pure Java: no JavaFX, no ND4J.
 */
package studio.rondo.engine.encoding;
