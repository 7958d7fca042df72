package studio.rondo.engine.generate;

import java.util.Objects;
import studio.rondo.music.PitchRange;

/**
 * One press of Generate.
 *
 * @param primer        what the network hears first ({@link Primer#none()} for nothing)
 * @param length        how much to generate after the primer
 * @param sampling      temperature, top-k, top-p and seed
 * @param variations    how many pieces (1..64), each with its own seed ({@link Sampling#variationSeed})
 * @param includePrimer put the primer's notes before the generated ones in the output
 * @param pitchRange    pitches the generated notes may have; null = the model's training range
 *                      (the piano's 21..108 for models without a corpus profile). Always kept on the piano.
 * @param dynamics      velocities of the generated notes ({@link Dynamics#PRIMER}: the primer's or the model's)
 * @param quantize      onsets of the generated notes moved towards a grid ({@link Quantize#OFF}: not)
 */
public record GenerationRequest(Primer primer, Length length, Sampling sampling, int variations, boolean includePrimer,
                                PitchRange pitchRange, Dynamics dynamics, Quantize quantize) {
    public static final int MAX_VARIATIONS = 64;

    public GenerationRequest {
        Objects.requireNonNull(primer, "primer");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(quantize, "quantize");
        if (variations < 1 || variations > MAX_VARIATIONS)
            throw new IllegalArgumentException("variations must be 1.." + MAX_VARIATIONS + ": " + variations);
    }

    /** The model's pitch range, the primer's dynamics, no quantize. */
    public GenerationRequest(Primer primer, Length length, Sampling sampling, int variations, boolean includePrimer) {
        this(primer, length, sampling, variations, includePrimer, null, Dynamics.PRIMER, Quantize.OFF);
    }

    /** One variation, without the primer in the output. */
    public static GenerationRequest of(Primer primer, Length length, Sampling sampling) {
        return new GenerationRequest(primer, length, sampling, 1, false);
    }

    public GenerationRequest withVariations(int n) {
        return new GenerationRequest(primer, length, sampling, n, includePrimer, pitchRange, dynamics, quantize);
    }

    public GenerationRequest withIncludePrimer(boolean include) {
        return new GenerationRequest(primer, length, sampling, variations, include, pitchRange, dynamics, quantize);
    }

    /** @param range null for the model's training range */
    public GenerationRequest withPitchRange(PitchRange range) {
        return new GenerationRequest(primer, length, sampling, variations, includePrimer, range, dynamics, quantize);
    }

    public GenerationRequest withDynamics(Dynamics d) {
        return new GenerationRequest(primer, length, sampling, variations, includePrimer, pitchRange, d, quantize);
    }

    public GenerationRequest withQuantize(Quantize q) {
        return new GenerationRequest(primer, length, sampling, variations, includePrimer, pitchRange, dynamics, q);
    }
}
