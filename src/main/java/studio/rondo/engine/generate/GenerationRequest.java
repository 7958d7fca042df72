package studio.rondo.engine.generate;

import java.util.Objects;

/**
 * One press of Generate.
 *
 * @param primer        what the network hears first ({@link Primer#none()} for nothing)
 * @param length        how much to generate after the primer
 * @param sampling      temperature, top-k, top-p and seed
 * @param variations    how many pieces (1..64), each with its own seed ({@link Sampling#variationSeed})
 * @param includePrimer put the primer's notes before the generated ones in the output
 */
public record GenerationRequest(Primer primer, Length length, Sampling sampling, int variations, boolean includePrimer) {
    public static final int MAX_VARIATIONS = 64;

    public GenerationRequest {
        Objects.requireNonNull(primer, "primer");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(sampling, "sampling");
        if (variations < 1 || variations > MAX_VARIATIONS)
            throw new IllegalArgumentException("variations must be 1.." + MAX_VARIATIONS + ": " + variations);
    }

    /** One variation, without the primer in the output. */
    public static GenerationRequest of(Primer primer, Length length, Sampling sampling) {
        return new GenerationRequest(primer, length, sampling, 1, false);
    }

    public GenerationRequest withVariations(int n) {
        return new GenerationRequest(primer, length, sampling, n, includePrimer);
    }

    public GenerationRequest withIncludePrimer(boolean include) {
        return new GenerationRequest(primer, length, sampling, variations, include);
    }
}
