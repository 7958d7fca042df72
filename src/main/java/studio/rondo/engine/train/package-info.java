/**
 * Training: {@link studio.rondo.engine.train.Trainer} runs a
 * {@link studio.rondo.engine.train.TrainingConfig} over a list of pieces and reports through a
 * {@link studio.rondo.engine.train.TrainingListener} (the UI and the CLI use the same events).
 *
 * <p>Windows: seqLen input steps predict the next step (last-step heads). Windows start every
 * {@code stride} steps (default seqLen/4) from a random offset per piece and epoch, so epochs stay
 * short yet every step becomes a target over the epochs. The split is by piece
 * ({@link studio.rondo.engine.train.CorpusSplit}); augmentation draws new transpositions and
 * stretches per piece and epoch ({@link studio.rondo.engine.train.Augmentation}).
 */
package studio.rondo.engine.train;
