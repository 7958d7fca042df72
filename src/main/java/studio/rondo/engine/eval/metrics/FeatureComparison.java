package studio.rondo.engine.eval.metrics;

/**
 * One feature of a generated set against a reference set.
 *
 * @param feature             the feature
 * @param referenceCount      reference pieces that have it
 * @param generatedCount      generated pieces that have it
 * @param referenceMean       mean over the reference (NaN for a histogram)
 * @param referenceSd         standard deviation over the reference (NaN for a histogram)
 * @param generatedMean       mean over the generated set (NaN for a histogram)
 * @param generatedSd         standard deviation over the generated set (NaN for a histogram or one piece)
 * @param referenceHistogram  mean histogram of the reference (null for a number)
 * @param generatedHistogram  mean histogram of the generated set (null for a number)
 * @param intraReference      mean distance between two reference pieces
 * @param intraGenerated      mean distance between two generated pieces (NaN with fewer than two)
 * @param inter               mean distance from a generated piece to a reference piece
 * @param kl                  KL divergence, nats, of the inter-set distances' density from the reference's
 *                            intra-set distances' density (0 = the same; NaN when not measurable)
 * @param overlap             overlapping area of those two densities, 0..1 (1 = a generated piece sits
 *                            among the reference pieces as they sit among themselves)
 * @param rawOverlap          overlap of the values themselves: for a number, the area shared by the
 *                            densities of the reference's and the generated set's values (NaN with
 *                            fewer than two generated pieces); for a histogram, the intersection
 *                            of the two mean histograms (sum of the lower bins)
 */
public record FeatureComparison(Feature feature, int referenceCount, int generatedCount,
                                double referenceMean, double referenceSd, double generatedMean, double generatedSd,
                                double[] referenceHistogram, double[] generatedHistogram,
                                double intraReference, double intraGenerated, double inter,
                                double kl, double overlap, double rawOverlap) {
}
