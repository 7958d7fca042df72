package studio.rondo.engine.generate.graph;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random parameters for equivalence tests: a fresh network's small weights and identity batch norm
 * (mean 0, variance 1, gamma 1, beta 0) would hide mistakes in scaling and in the stored statistics.
 */
public final class Perturb {
    private Perturb() {
    }

    /** Overwrites every parameter of {@code net} in place with random values that suit its kind. */
    public static ComputationGraph params(ComputationGraph net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (Layer layer : net.getLayers()) {
            for (Map.Entry<String, INDArray> e : layer.paramTable().entrySet()) {
                INDArray p = e.getValue();
                INDArray u = Nd4j.rand(p.dataType(), p.shape()); // [0, 1)
                INDArray n = Nd4j.randn(p.dataType(), p.shape());
                switch (e.getKey()) {
                    case "mean" -> p.assign(n.muli(0.5));
                    case "var" -> p.assign(u.muli(1.7).addi(0.3));          // 0.3 .. 2
                    case "log10stdev" -> p.assign(u.muli(0.6).subi(0.3));   // std 0.5 .. 2
                    case "gamma" -> p.assign(u.addi(0.5));                  // 0.5 .. 1.5
                    default -> p.assign(n.muli(0.4));
                }
            }
        }
        return net;
    }

    /** Largest |a - b| / max(1, |a|) over two arrays of the same length. */
    public static double worstRelative(float[] a, float[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
        return worst;
    }
}
