package studio.rondo.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplerTest {
    static final float[] P = {0.1f, 0.6f, 0.25f, 0.05f};

    private static int[] counts(Sampling s, float[] p, boolean[] mask, int draws) {
        Sampler sampler = new Sampler(s, s.seed());
        int[] c = new int[p.length];
        for (int i = 0; i < draws; i++) c[sampler.sample(p, mask)]++;
        return c;
    }

    @Test
    void temperatureZeroIsArgmaxAndSkipsMaskedClasses() {
        assertEquals(1, new Sampler(Sampling.argmax(), 1).sample(P, null));
        assertEquals(2, new Sampler(Sampling.argmax(), 1).sample(P, new boolean[]{false, true, false, false}));
    }

    @Test
    void drawsFollowTheDistributionAtTemperatureOne() {
        int[] c = counts(Sampling.of(3), P, null, 20_000);
        for (int i = 0; i < P.length; i++) assertEquals(P[i], c[i] / 20_000.0, 0.015, "class " + i);
    }

    @Test
    void higherTemperatureFlattens() {
        int rareCold = counts(Sampling.of(3).withTemperature(0.5), P, null, 5000)[3];
        int rareHot = counts(Sampling.of(3).withTemperature(3), P, null, 5000)[3];
        assertTrue(rareHot > 3 * Math.max(1, rareCold), rareCold + " vs " + rareHot);
    }

    @Test
    void topKAndTopPCutTheTail() {
        int[] k1 = counts(Sampling.of(5).withTopK(1), P, null, 500);
        assertEquals(500, k1[1]);
        int[] k2 = counts(Sampling.of(5).withTopK(2), P, null, 2000);
        assertEquals(0, k2[0] + k2[3]);
        assertEquals(0.25 / 0.85, k2[2] / 2000.0, 0.05, "the second class keeps its share of the two: " + k2[2]);
        int[] p5 = counts(Sampling.of(5).withTopP(0.5), P, null, 500);
        assertEquals(500, p5[1]);
        int[] p8 = counts(Sampling.of(5).withTopP(0.8), P, null, 2000); // 0.6 + 0.25 reaches 0.8
        assertEquals(0, p8[0] + p8[3]);
    }

    @Test
    void maskedClassesAreNeverDrawn() {
        int[] c = counts(Sampling.of(9).withTemperature(2), P, new boolean[]{true, false, false, false}, 5000);
        assertEquals(0, c[0]);
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        Sampler a = new Sampler(Sampling.of(1), 77), b = new Sampler(Sampling.of(1), 77), c = new Sampler(Sampling.of(1), 78);
        StringBuilder sa = new StringBuilder(), sb = new StringBuilder(), sc = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sa.append(a.sample(P, null));
            sb.append(b.sample(P, null));
            sc.append(c.sample(P, null));
        }
        assertEquals(sa.toString(), sb.toString());
        assertNotEquals(sa.toString(), sc.toString());
    }

    @Test
    void variationSeedsDifferAndTheFirstIsTheSeed() {
        Sampling s = Sampling.of(42);
        assertEquals(42, s.variationSeed(0));
        assertNotEquals(s.variationSeed(1), s.variationSeed(2));
        assertNotEquals(42, s.variationSeed(1));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Sampling(-1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 0, 1.5, 0));
    }
}
