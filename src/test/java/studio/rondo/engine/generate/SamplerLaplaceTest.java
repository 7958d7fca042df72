package studio.rondo.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplerLaplaceTest {
    @Test
    void laplaceDrawsHaveTheScaleAsMeanAbsoluteDeviationTimesTheTemperatureAndNoneAtZero() {
        for (double t : new double[] {0.5, 1.0, 2.0}) {
            Sampler s = new Sampler(new Sampling(t, 0, 1.0, 3), 3);
            double[] x = new double[200_000];
            for (int i = 0; i < x.length; i++) x[i] = s.laplace(0.07);
            double mad = Arrays.stream(x).map(Math::abs).average().orElseThrow();
            double mean = Arrays.stream(x).average().orElseThrow();
            assertEquals(0.07 * t, mad, 0.002 * t, "mean absolute deviation at temperature " + t);
            assertEquals(0, mean, 0.002 * t, "centred at temperature " + t);
        }
        assertEquals(0, new Sampler(new Sampling(0, 0, 1.0, 3), 3).laplace(0.07), "temperature 0: the head's own value");
    }
}
