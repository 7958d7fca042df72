package studio.rondo.engine.eval.metrics;

import java.util.List;

/**
 * A generated set against a reference set, feature by feature ({@link ReferenceSet#compare}).
 *
 * @param referencePieces pieces in the reference
 * @param generatedPieces pieces in the generated set
 * @param features        one comparison per {@link Feature}, in order
 */
public record SetComparison(int referencePieces, int generatedPieces, List<FeatureComparison> features) {
    public SetComparison {
        features = List.copyOf(features);
    }

    /** Mean overlapping area over the features that could be measured (NaN when none). */
    public double meanOverlap() {
        return features.stream().mapToDouble(FeatureComparison::overlap).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Mean KL divergence over the features that could be measured (NaN when none). */
    public double meanKl() {
        return features.stream().mapToDouble(FeatureComparison::kl).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Mean raw-value overlap over the features that could be measured (NaN when none). */
    public double meanRawOverlap() {
        return features.stream().mapToDouble(FeatureComparison::rawOverlap).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    public FeatureComparison get(Feature f) {
        return features.stream().filter(c -> c.feature() == f).findFirst().orElseThrow();
    }
}
