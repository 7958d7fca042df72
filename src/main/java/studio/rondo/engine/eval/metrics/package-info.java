/**
 * Judging generated music, after Yang &amp; Lerch 2018 ("On the evaluation of generative models in
 * music", the mgeval toolbox), with no JavaFX:
 *
 * <ul>
 *   <li>{@link studio.rondo.engine.eval.metrics.PieceFeatures}: per piece, on the notes of all tracks
 *       merged in (onset, pitch) order, the {@link studio.rondo.engine.eval.metrics.Feature features}
 *       (distinct pitches, range, intervals, density, inter-onset interval, polyphony, scale
 *       consistency, pitch-class entropy, pitch-class and note-length histograms);</li>
 *   <li>{@link studio.rondo.engine.eval.metrics.SetComparison}: a generated set against a reference
 *       set, per feature: the reference's intra-set distances against the inter-set distances, each
 *       smoothed by a {@link studio.rondo.engine.eval.metrics.GaussianKde}, compared by KL divergence
 *       and overlapping area, plus the overlap of the raw values;</li>
 *   <li>{@link studio.rondo.engine.eval.metrics.OriginalityIndex}: a transposition-invariant interval
 *       n-gram index of a training corpus, built once; per generated piece the longest run copied
 *       verbatim (which piece, where) and the share of its 8-note interval sequences found in it.</li>
 * </ul>
 */
package studio.rondo.engine.eval.metrics;
