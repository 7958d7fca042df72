package studio.rondo.engine.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A reference corpus's features with what every comparison against it needs, computed once: the
 * values of each feature, the intra-set distances (every pair of pieces) and their density, the
 * density of the raw values, mean histograms and quartiles. {@link #compare} then costs only the
 * generated side: a studio keeps one per corpus and compares each generation against it.
 */
public final class ReferenceSet {
    /** Grid points on which two densities are compared. */
    static final int GRID = 1024;

    private final List<PieceFeatures> pieces;
    private final Map<Feature, Side> sides = new EnumMap<>(Feature.class);

    /** What the reference knows of one feature. */
    private record Side(double[][] vectors, double[] intra, GaussianKde intraKde, GaussianKde rawKde, double floor,
                        double mean, double sd, double[] meanHistogram, double[] sortedValues) {
    }

    private ReferenceSet(List<PieceFeatures> pieces) {
        this.pieces = List.copyOf(pieces);
        for (Feature f : Feature.values()) {
            double[][] vectors = vectors(pieces, f);
            if (vectors.length < 2) continue; // too few pieces with this feature: it is not compared
            double[] intra = pairwise(vectors);
            double floor = floor(vectors);
            double[] scalars = f.isHistogram() ? null : column(vectors);
            sides.put(f, new Side(vectors, intra, new GaussianKde(intra, floor),
                    scalars == null ? null : new GaussianKde(scalars, floor), floor,
                    scalars == null ? Double.NaN : StatUtils.mean(scalars),
                    scalars == null ? Double.NaN : new StandardDeviation(true).evaluate(scalars),
                    f.isHistogram() ? meanVector(vectors) : null,
                    scalars == null ? null : sorted(scalars)));
        }
    }

    /** Computes what comparisons need. At least two pieces. */
    public static ReferenceSet of(List<PieceFeatures> pieces) {
        if (pieces.size() < 2) throw new IllegalArgumentException("a reference set needs at least two pieces, has " + pieces.size());
        return new ReferenceSet(pieces);
    }

    public List<PieceFeatures> pieces() {
        return pieces;
    }

    public int size() {
        return pieces.size();
    }

    /** Whether enough reference pieces have this feature to compare it. */
    public boolean has(Feature f) {
        return sides.containsKey(f);
    }

    /** Mean of a single-number feature over the reference (NaN when not measured). */
    public double mean(Feature f) {
        Side s = sides.get(f);
        return s == null ? Double.NaN : s.mean;
    }

    /** The reference's mean histogram of a histogram feature (null when not measured). */
    public double[] meanHistogram(Feature f) {
        Side s = sides.get(f);
        return s == null || s.meanHistogram == null ? null : s.meanHistogram.clone();
    }

    /** The given quantile (0..1) of a single-number feature over the reference (commons-math3's estimate). */
    public double quantile(Feature f, double q) {
        Side s = sides.get(f);
        if (s == null || s.sortedValues == null) return Double.NaN;
        if (q <= 0) return s.sortedValues[0];
        if (q >= 1) return s.sortedValues[s.sortedValues.length - 1];
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(s.sortedValues, 100 * q);
    }

    /** Share of reference pieces whose value is below {@code value} (ties count half): 0..1. */
    public double percentileOf(Feature f, double value) {
        Side s = sides.get(f);
        if (s == null || s.sortedValues == null || !Double.isFinite(value)) return Double.NaN;
        double below = 0;
        for (double x : s.sortedValues) below += x < value ? 1 : x == value ? 0.5 : 0;
        return below / s.sortedValues.length;
    }

    /** Compares a generated set (at least one piece) with this reference, feature by feature. */
    public SetComparison compare(List<PieceFeatures> generated) {
        List<FeatureComparison> out = new ArrayList<>();
        for (Feature f : Feature.values()) out.add(compare(f, generated));
        return new SetComparison(pieces.size(), generated.size(), out);
    }

    private FeatureComparison compare(Feature f, List<PieceFeatures> generated) {
        double[][] gen = vectors(generated, f);
        Side s = sides.get(f);
        int refCount = s == null ? 0 : s.vectors.length;
        double[] genScalars = f.isHistogram() ? null : column(gen);
        double genMean = genScalars == null || genScalars.length == 0 ? Double.NaN : StatUtils.mean(genScalars);
        double genSd = genScalars == null || genScalars.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(genScalars);
        double[] genHistogram = f.isHistogram() && gen.length > 0 ? meanVector(gen) : null;
        double intraGen = gen.length < 2 ? Double.NaN : StatUtils.mean(pairwise(gen));
        if (s == null || gen.length == 0) {
            return new FeatureComparison(f, refCount, gen.length, s == null ? Double.NaN : s.mean, s == null ? Double.NaN : s.sd, genMean,
                    genSd, s == null ? null : s.meanHistogram, genHistogram, s == null ? Double.NaN : StatUtils.mean(s.intra), intraGen,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] inter = new double[gen.length * s.vectors.length];
        int k = 0;
        for (double[] g : gen) for (double[] r : s.vectors) inter[k++] = distance(g, r);
        GaussianKde.Divergence d = GaussianKde.compare(s.intraKde, new GaussianKde(inter, s.floor), GRID);
        double raw;
        if (f.isHistogram()) {
            raw = 0;
            for (int i = 0; i < genHistogram.length; i++) raw += Math.min(genHistogram[i], s.meanHistogram[i]);
        } else {
            raw = gen.length < 2 ? Double.NaN : GaussianKde.compare(s.rawKde, new GaussianKde(genScalars, s.floor), GRID).overlap();
        }
        return new FeatureComparison(f, refCount, gen.length, s.mean, s.sd, genMean, genSd, s.meanHistogram, genHistogram,
                StatUtils.mean(s.intra), intraGen, StatUtils.mean(inter), d.kl(), d.overlap(), raw);
    }

    // ---- helpers

    private static double[][] vectors(List<PieceFeatures> pieces, Feature f) {
        return pieces.stream().filter(p -> p.has(f)).map(p -> p.vector(f)).toArray(double[][]::new);
    }

    /** Euclidean distance of every unordered pair. */
    static double[] pairwise(double[][] v) {
        double[] out = new double[v.length * (v.length - 1) / 2];
        int k = 0;
        for (int i = 0; i < v.length; i++) for (int j = i + 1; j < v.length; j++) out[k++] = distance(v[i], v[j]);
        return out;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double[] column(double[][] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i][0];
        return out;
    }

    private static double[] meanVector(double[][] v) {
        double[] m = new double[v[0].length];
        for (double[] x : v) for (int i = 0; i < m.length; i++) m[i] += x[i] / v.length;
        return m;
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * The smallest bandwidth the densities of one feature get: a thousandth of the reference's spread
     * (the widest bin's range), so that a feature every piece shares exactly still has a density.
     */
    private static double floor(double[][] v) {
        double widest = 0;
        for (int i = 0; i < v[0].length; i++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] x : v) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            widest = Math.max(widest, hi - lo);
        }
        return Math.max(1e-6, 1e-3 * widest);
    }
}
