package studio.rondo.engine.lstm;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training pass of {@link FusedRnnOutput}: from the [B, nIn, T] input (the fused LSTM's output, time-major
 * in memory, read with one copy) and the [B, nOut, T] labels, the logits of all B·T rows in one matrix product
 * split over the LSTM's threads, activation, loss and dL/dz row by row ({@link SequenceLoss}), then dW, db and
 * the input gradient, handed back in f order (ND4J sums the heads' gradients fast in it, and the fused LSTM
 * below reads it with one parallel transposition). The score of the
 * same pass is kept for the {@link #computeScore} call that follows it. Anything this does not cover (masks,
 * dropout, weight noise, other losses, NWC data) goes to DL4J's own layer; inference always does.
 */
public class FusedRnnOutputLayer extends RnnOutputLayer {
    private KernelPool pool;               // null: the shared pool
    private SequenceLoss loss;             // null: not worked out yet
    private boolean lossChecked;
    // Reused between minibatches: rows of B·T are megabytes.
    private float[] x, y, z, dx, epsT, wT, dwT;
    private double[] rowLoss;
    private final PackedMatrix w = new PackedMatrix(), wTPacked = new PackedMatrix();
    private double keptScore = Double.NaN; // the score of the last fused pass, until input or labels change
    private boolean lastPassFused;

    public FusedRnnOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Runs the products on {@code threads} (null: the shared pool). */
    public void usePool(KernelPool threads) {
        pool = threads;
    }

    private KernelPool pool() {
        return pool != null ? pool : KernelPool.shared();
    }

    private SequenceLoss loss() {
        if (!lossChecked) {
            loss = SequenceLoss.of(layerConf().getLossFn(), layerConf().getActivationFn()).orElse(null);
            lossChecked = true;
        }
        return loss;
    }

    /** True when this pass can run fused: the plain case every preset's every-step head is. */
    private boolean fusable() {
        return loss() != null && input != null && labels != null && input.rank() == 3 && labels.rank() == 3
                && maskArray == null && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null
                && layerConf().getRnnDataFormat() != RNNFormat.NWC && input.dataType() == DataType.FLOAT
                && hasBias() && input.size(2) == labels.size(2) && input.size(0) == labels.size(0);
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr mgr) {
        keptScore = Double.NaN;
        super.setInput(input, mgr);
    }

    @Override
    public void setLabels(INDArray labels) {
        keptScore = Double.NaN;
        super.setLabels(labels);
    }

    @Override
    public void clear() {
        keptScore = Double.NaN;
        super.clear();
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr mgr) {
        if (Double.isNaN(keptScore)) return super.computeScore(fullNetRegTerm, training, mgr);
        score = keptScore + fullNetRegTerm;
        keptScore = Double.NaN; // once: a later call recomputes
        return score;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        lastPassFused = fusable();
        if (!lastPassFused) return super.backpropGradient(epsilon, mgr);
        assertInputSet(true);
        SequenceLoss l = loss();
        int batch = (int) input.size(0), nIn = (int) input.size(1), steps = (int) input.size(2);
        int nOut = (int) labels.size(1), rows = batch * steps;
        if (nIn != layerConf().getNIn() || nOut != layerConf().getNOut())
            throw new IllegalArgumentException("input or labels do not match the layer: " + nIn + " -> " + nOut
                    + ", layer " + layerConf().getNIn() + " -> " + layerConf().getNOut());
        Kernels k = Kernels.best();

        x = Floats.timeMajor(input, x);                  // rows t·B + b, nIn wide
        y = Floats.timeMajor(labels, y);                 // the same rows, nOut wide
        z = grow(z, rows * nOut);
        dx = grow(dx, rows * nIn);
        INDArray wArr = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, mgr);
        wT = Floats.transposedOf(wArr, wT);              // [nOut][nIn]
        float[] bias = NdFloats.read(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, true, mgr));
        k.packTransposed(nIn, nOut, wT, 0, nIn, w);      // W [nIn, nOut] for the logits
        k.pack(nOut, nIn, wT, 0, nIn, wTPacked);         // Wᵀ [nOut, nIn] for the input gradient

        // Rows are independent: logits, loss, dL/dz and the input gradient per slice of rows. Sums over rows are
        // taken in row order afterwards, so the result does not depend on the number of threads.
        KernelPool threads = pool();
        int parts = Math.max(1, Math.min(threads.threads(), rows / 64));
        rowLoss = rowLoss != null && rowLoss.length >= rows ? rowLoss : new double[rows];
        float[] xs = x, ys = y, zs = z, dxs = dx;
        double[] losses = rowLoss;
        threads.run(parts, part -> {
            int r0 = (int) ((long) rows * part / parts), r1 = (int) ((long) rows * (part + 1) / parts), n = r1 - r0;
            for (int r = r0; r < r1; r++) System.arraycopy(bias, 0, zs, r * nOut, nOut);
            k.gemm(n, xs, r0 * nIn, nIn, w, zs, r0 * nOut, nOut, true);
            for (int r = r0; r < r1; r++) losses[r] = l.lossAndGradient(zs, ys, r, r + 1, nOut);
            k.gemm(n, zs, r0 * nOut, nOut, wTPacked, dxs, r0 * nIn, nIn, false);
        });
        double total = 0;
        for (int r = 0; r < rows; r++) total += losses[r];
        keptScore = total / batch; // as DL4J: summed over steps, averaged over the minibatch

        // dWᵀ [nOut, nIn] = dZᵀ · X and db, split over output rows at multiples of 64 (GEMM blocks, so the
        // same split whatever the thread count); dWᵀ's memory is DL4J's f-order dW as it lies.
        dwT = grow(dwT, nOut * nIn);
        float[] db = new float[nOut];
        int wParts = Math.max(1, Math.min(threads.threads(), (nOut + 63) / 64));
        float[] dws = dwT;
        threads.run(wParts, part -> {
            int o0 = part == 0 ? 0 : nOut * part / wParts / 64 * 64, o1 = part == wParts - 1 ? nOut : nOut * (part + 1) / wParts / 64 * 64;
            if (o1 <= o0) return;
            k.gemmTransA(o1 - o0, nIn, rows, zs, o0, nOut, xs, 0, nIn, dws, o0 * nIn, nIn, false);
            for (int r = 0; r < rows; r++) for (int o = o0; o < o1; o++) db[o] += zs[r * nOut + o];
        });

        Gradient g = new DefaultGradient();
        INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Floats.writeTransposed(dwT, wGrad);
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
        INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        NdFloats.write(db, 0, bGrad);
        g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
        weightNoiseParams.clear();

        // The input gradient as [B, nIn, T] in f order (memory [T][nIn][B]): DL4J adds up the gradients of all
        // heads on one LSTM, and ND4J adds fast only arrays of a plain order (a permuted view took ~10 % of a
        // minibatch); the LSTM below reads this layout with one parallel transposition.
        epsT = grow(epsT, rows * nIn);
        float[] e = epsT;
        int tParts = Math.max(1, Math.min(threads.threads(), steps / 4));
        threads.run(tParts, part -> {
            for (int t = steps * part / tParts; t < steps * (part + 1) / tParts; t++)
                NdFloats.transpose(dxs, t * batch * nIn, nIn, e, t * nIn * batch, batch, batch, nIn);
        });
        INDArray eps = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {batch, nIn, steps}, 'f');
        NdFloats.writeRaw(epsT, 0, eps);
        return new Pair<>(g, eps);
    }

    /** Whether the last backward pass ran here (true) or in DL4J's layer. */
    boolean lastPassFused() {
        return lastPassFused;
    }

    private static float[] grow(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }
}
