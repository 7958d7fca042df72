package studio.rondo.engine.generate;

import studio.rondo.music.Piece;

/**
 * One generated piece.
 *
 * @param piece           the output (with the primer first if asked), with the primer's tempo map
 *                        and time signatures up to the join and the ones in force there after it;
 *                        ready for MidiWriter
 * @param variation       0-based index among the request's variations
 * @param seed            the seed this variation was sampled with (reproduces it)
 * @param stats           warning signs and musical measures, taken on the generated part
 * @param events          model steps generated
 * @param lengthReached   false when generation stopped at {@link Length#maxEvents()} first
 * @param elapsedSeconds  wall time of this variation (priming, stepping, decoding)
 * @param eventsPerSecond model steps per second while stepping (sampling and feeding back; the one
 *                        priming call and decoding excluded)
 * @param joinSeconds     where the generated part starts in {@code piece}: the end of the primer when
 *                        it is included, else the join's place in its bar (the output starts on a bar line)
 * @param primerIncluded  the notes before {@code joinSeconds} are the primer's
 */
public record GenerationResult(Piece piece, int variation, long seed, GenerationStats stats, int events,
                               boolean lengthReached, double elapsedSeconds, double eventsPerSecond,
                               double joinSeconds, boolean primerIncluded) {
}
