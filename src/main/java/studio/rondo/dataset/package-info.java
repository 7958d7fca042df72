/**
 * Training corpora: which MIDI files the studio learns from, and public ones it can fetch.
 *
 * <ul>
 *   <li>{@link studio.rondo.dataset.Corpus}: entries (file, status, summary, split), totals, the
 *       deterministic split by piece, and lazily loaded pieces for the trainer.</li>
 *   <li>{@link studio.rondo.dataset.CorpusScanner}: reads files into entries with progress and
 *       cooperative cancel, one entry at a time, never throwing for a bad file.</li>
 *   <li>{@link studio.rondo.dataset.CorpusManifest}: the corpus as JSON, reopened on the next start.</li>
 *   <li>{@link studio.rondo.dataset.catalog}: known public corpora and their all-or-nothing download.</li>
 * </ul>
 *
 * <p>No JavaFX here (the architecture test holds it): long calls take a {@link studio.rondo.dataset.ProgressListener} and a
 * {@link studio.rondo.dataset.CancellationToken} and run on the caller's (background) thread;
 * callbacks come on that thread, and a ViewModel hands them to the FX thread, coalesced.
 */
package studio.rondo.dataset;
