package studio.rondo.engine.generate;

import java.util.List;
import studio.rondo.engine.encoding.ChordTokens;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Performance;
import studio.rondo.engine.encoding.PitchEmbeddingDeltaVelocity;
import studio.rondo.engine.encoding.Step;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.ThreeStream;

/**
 * The single step fed when there is no primer, so the network has a first input to predict from.
 * Deterministic and neutral rather than random: variations come from the seed, not from the start.
 * It is never part of the output.
 * <ul>
 *   <li>per-note encodings: middle C (60), no time gap, half a second long, velocity 80;</li>
 *   <li>three-stream and chord-tokens: the corpus's most frequent note or chord (index 2, after
 *       {@code <unk>} and {@code <rest>}: vocabularies list tokens by descending count), offset and
 *       duration the most frequent (three-stream) or 0 and one quarter (chord-tokens);</li>
 *   <li>performance: a VELOCITY event for velocity 80 (what a performance usually starts with).</li>
 * </ul>
 */
final class StartStep {
    static final int PITCH = 60, VELOCITY = 80;

    private StartStep() {
    }

    static Step of(Encoding encoding) {
        List<StreamSpec> streams = encoding.streams();
        if (encoding instanceof Performance) return Step.ofClasses(Performance.VELOCITY + Performance.velocityBin(VELOCITY));
        if (encoding instanceof ThreeStream ts) {
            return Step.ofClasses(Math.min(2, ts.noteVocabulary().size() - 1), 0, 0);
        }
        if (encoding instanceof ChordTokens ct) {
            int quarter = (int) Math.round(1 / ct.quarterStep()) - 1; // duration class = grid units - 1
            return Step.ofClasses(Math.min(2, ct.vocabulary().size() - 1), 0, Math.min(quarter, streams.get(2).size() - 1));
        }
        if (encoding instanceof PitchEmbeddingDeltaVelocity) {
            return Step.of(streams, PITCH, 0, PitchEmbeddingDeltaVelocity.scaleVelocity(VELOCITY));
        }
        return Step.of(streams, PITCH, 0, 0.5); // pitch, step, duration
    }
}
