package studio.rondo.engine.encoding;

import java.util.List;
import java.util.Optional;

/** Creates encodings by preset, by name, or from the spec stored in a model file. */
public final class Encodings {
    public static final List<String> NAMES = List.of(PitchStepDuration.SCALED_NAME, PitchStepDuration.ONE_HOT_NAME,
            PitchEmbeddingDeltaVelocity.NAME, ThreeStream.NAME, ChordTokens.NAME, Performance.NAME);

    private Encodings() {
    }

    /** Recreates an encoding, vocabularies included, from its stored spec. */
    public static Encoding fromSpec(EncodingSpec spec) {
        return switch (spec.name()) {
            case PitchStepDuration.SCALED_NAME -> PitchStepDuration.scaled();
            case PitchStepDuration.ONE_HOT_NAME -> PitchStepDuration.oneHot();
            case PitchEmbeddingDeltaVelocity.NAME -> PitchEmbeddingDeltaVelocity.fromSpec(spec);
            case ThreeStream.NAME -> ThreeStream.fromSpec(spec);
            case ChordTokens.NAME -> ChordTokens.fromSpec(spec);
            case Performance.NAME -> new Performance();
            default -> throw new IllegalArgumentException("unknown encoding '" + spec.name() + "'; known: " + String.join(", ", NAMES));
        };
    }

    /**
     * Why a model trained with {@code stored} cannot be used with {@code wanted}, or empty when they
     * match: names the encoding, parameter or vocabulary that differs.
     */
    public static Optional<String> mismatch(EncodingSpec stored, EncodingSpec wanted) {
        if (!stored.name().equals(wanted.name()))
            return Optional.of("the model uses encoding " + stored.name() + ", not " + wanted.name());
        if (!stored.parameters().equals(wanted.parameters()))
            return Optional.of("encoding " + stored.name() + " parameters differ: model " + stored.sortedParameters() + ", wanted " + wanted.sortedParameters());
        for (String stream : stored.vocabularies().keySet()) {
            List<String> a = stored.vocabularies().get(stream), b = wanted.vocabularies().get(stream);
            if (!a.equals(b))
                return Optional.of("vocabulary '" + stream + "' differs: model has " + a.size() + " tokens, wanted " + (b == null ? "none" : b.size()));
        }
        if (!stored.vocabularies().keySet().containsAll(wanted.vocabularies().keySet()))
            return Optional.of("the model lacks vocabularies " + wanted.vocabularies().keySet());
        return Optional.empty();
    }
}
