package studio.rondo.engine.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;

class SetComparisonTest {
    @Test
    void aKdeIsADensityWithScottsBandwidth() {
        Random r = new Random(1);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 2 + 5;
        GaussianKde kde = new GaussianKde(x, 1e-6);
        double sd = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(x);
        assertEquals(sd * Math.pow(500, -0.2), kde.bandwidth(), 1e-12);
        double area = new SimpsonIntegrator().integrate(100_000, kde, -10, 20);
        assertEquals(1.0, area, 1e-4);
        assertEquals(1 / (2 * Math.sqrt(2 * Math.PI)), kde.value(5), 0.03, "about the normal density at its mean");
    }

    @Test
    void binningALargeSampleKeepsTheDensity() {
        Random r = new Random(2);
        double[] x = new double[GaussianKde.BIN_ABOVE + 3000];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() < 0.3 ? r.nextGaussian() : 4 + r.nextGaussian() * 0.5;
        GaussianKde binned = new GaussianKde(x, 1e-6);
        for (double at = -3; at <= 7; at += 0.25) {
            double exact = 0;
            for (double s : x) exact += Math.exp(-0.5 * Math.pow((at - s) / binned.bandwidth(), 2));
            exact /= x.length * binned.bandwidth() * Math.sqrt(2 * Math.PI);
            assertEquals(exact, binned.value(at), 1e-3 * Math.max(exact, 0.01), "at " + at);
        }
    }

    @Test
    void twoDensitiesOfOneSampleOverlapFullyAndDisjointOnesNotAtAll() {
        Random r = new Random(3);
        double[] a = new double[300], b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = 50 + r.nextGaussian();
        }
        GaussianKde.Divergence same = GaussianKde.compare(new GaussianKde(a, 1e-6), new GaussianKde(a, 1e-6), 1024);
        assertEquals(1.0, same.overlap(), 1e-3);
        assertEquals(0.0, same.kl(), 1e-9);
        GaussianKde.Divergence apart = GaussianKde.compare(new GaussianKde(a, 1e-6), new GaussianKde(b, 1e-6), 1024);
        assertTrue(apart.overlap() < 1e-6, "overlap " + apart.overlap());
        assertTrue(apart.kl() > 15, "KL " + apart.kl());
    }

    @Test
    void aSetComparedWithItselfOverlapsAboutFully() {
        List<PieceFeatures> set = new ArrayList<>();
        for (int i = 0; i < 30; i++) set.add(PieceFeatures.of(Fixtures.randomPiece(100 + i, 60)));
        SetComparison c = ReferenceSet.of(set).compare(set);
        for (FeatureComparison f : c.features()) {
            assertTrue(f.overlap() > 0.9, f.feature() + " overlap " + f.overlap());
            assertTrue(f.kl() < 0.1, f.feature() + " KL " + f.kl());
            assertTrue(f.rawOverlap() > 0.99, f.feature() + " raw overlap " + f.rawOverlap());
        }
        assertTrue(c.meanOverlap() > 0.95, "mean overlap " + c.meanOverlap());
    }

    @Test
    void setsThatShareNothingDoNotOverlap() {
        // Slow low C major scales against fast high chromatic runs in chords: every feature differs.
        List<PieceFeatures> slow = new ArrayList<>(), fast = new ArrayList<>();
        Random r = new Random(4);
        for (int k = 0; k < 20; k++) {
            List<Note> a = new ArrayList<>(), b = new ArrayList<>();
            int[] scale = {0, 2, 4, 5, 7, 9, 11};
            for (int i = 0; i < 40; i++) a.add(Fixtures.note(36 + scale[(i + k) % 7] + (r.nextBoolean() ? 12 : 0), i * 4, 4));
            for (int i = 0; i < 200; i++)
                for (int c = 0; c < 4; c++) b.add(Fixtures.note(72 + (i * 5 + c * 7 + k) % 36, i * 0.125, 0.125 / 3));
            slow.add(PieceFeatures.of(Fixtures.piece("slow" + k, a)));
            fast.add(PieceFeatures.of(Fixtures.piece("fast" + k, b)));
        }
        SetComparison c = ReferenceSet.of(slow).compare(fast);
        assertTrue(c.meanOverlap() < 0.1, "mean overlap " + c.meanOverlap());
        assertTrue(c.meanKl() > 5, "mean KL " + c.meanKl());
        for (Feature f : List.of(Feature.NOTES_PER_10S, Feature.POLYPHONY, Feature.PITCH_CLASS_HISTOGRAM, Feature.NOTE_LENGTH_HISTOGRAM))
            assertTrue(c.get(f).overlap() < 0.05, f + " overlap " + c.get(f).overlap());
        assertTrue(c.get(Feature.NOTES_PER_10S).rawOverlap() < 0.01);
    }

    @Test
    void aFeatureEveryPieceSharesExactlyStillCompares() {
        List<PieceFeatures> scales = new ArrayList<>();
        for (int i = 0; i < 5; i++) scales.add(PieceFeatures.of(Fixtures.cMajorScale()));
        SetComparison c = ReferenceSet.of(scales).compare(scales);
        assertEquals(1.0, c.get(Feature.SCALE_CONSISTENCY).overlap(), 1e-3);
        assertEquals(1.0, c.meanOverlap(), 1e-3);
    }

    @Test
    void quantilesAndPercentilesReadTheReference() {
        List<PieceFeatures> set = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i <= n; i++) notes.add(Fixtures.note(60 + i, i, 1)); // pitch range n
            set.add(PieceFeatures.of(Fixtures.piece("r" + n, notes)));
        }
        ReferenceSet ref = ReferenceSet.of(set);
        assertEquals(5, ref.quantile(Feature.PITCH_RANGE, 0.5), 1e-12);
        assertEquals(5, ref.mean(Feature.PITCH_RANGE), 1e-12);
        assertEquals(0.5, ref.percentileOf(Feature.PITCH_RANGE, 5), 1e-12);
        assertEquals(1.0, ref.percentileOf(Feature.PITCH_RANGE, 20), 1e-12);
    }
}
