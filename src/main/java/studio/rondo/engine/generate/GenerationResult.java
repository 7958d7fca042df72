package studio.rondo.engine.generate;

import studio.rondo.music.Piece;

/**
 * One generated piece.
 *
 * @param piece           the output (with the primer first if asked), at the primer's tempo;
 *                        ready for MidiWriter
 * @param variation       0-based index among the request's variations
 * @param seed            the seed this variation was sampled with (reproduces it)
 * @param stats           warning signs, measured on the generated part
 * @param events          model steps generated
 * @param lengthReached   false when generation stopped at {@link Length#maxEvents()} first
 * @param elapsedSeconds  wall time of this variation (priming, stepping, decoding)
 * @param eventsPerSecond model steps per second while stepping (sampling and feeding back; the one
 *                        priming call and decoding excluded)
 */
public record GenerationResult(Piece piece, int variation, long seed, GenerationStats stats, int events,
                               boolean lengthReached, double elapsedSeconds, double eventsPerSecond) {
}
