package studio.rondo.engine.model;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate that ramps up linearly from {@code rate / iterations} to {@code rate} over the
 * first {@code iterations} minibatches, then stays. DL4J's own RampSchedule does the same but cannot
 * be read back from a saved configuration (it has no JSON creator in 1.0.0-M2.1), so a model using
 * it would not load; this one is stored in configuration.json by class name and reads back.
 */
public final class WarmupSchedule implements ISchedule {
    private final double rate;
    private final int iterations;

    public WarmupSchedule(@JsonProperty("rate") double rate, @JsonProperty("iterations") int iterations) {
        if (!(rate > 0) || iterations < 1) throw new IllegalArgumentException("warm-up needs a positive rate and iterations");
        this.rate = rate;
        this.iterations = iterations;
    }

    @JsonProperty("rate")
    public double getRate() {
        return rate;
    }

    @JsonProperty("iterations")
    public int getIterations() {
        return iterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return iteration >= iterations ? rate : rate * (iteration + 1) / iterations;
    }

    @Override
    public ISchedule clone() {
        return new WarmupSchedule(rate, iterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarmupSchedule w && w.rate == rate && w.iterations == iterations;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(rate) * 31 + iterations;
    }

    @Override
    public String toString() {
        return "WarmupSchedule(" + rate + ", " + iterations + ")";
    }
}
