package studio.rondo.engine.lstm;

import studio.rondo.engine.lstm.NdFloats;
import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J layer behind {@link FusedLstm}: converts between DL4J's [B, nIn, T] arrays and the time-major
 * float arrays of {@link FusedLstmCore} once per call, and keeps the forward pass for backprop.
 * State for rnnTimeStep / tBPTT uses DL4J LSTM's keys ("prevAct", "prevMem").
 */
public class FusedLstmLayer extends BaseRecurrentLayer<FusedLstm> {
    public static final String STATE_H = "prevAct";
    public static final String STATE_C = "prevMem";

    private FusedLstmCore core;
    private KernelPool pool;          // null: the shared pool
    private boolean forwardKept;      // core holds the training forward pass of the current input
    private INDArray keptFor;         // the input array that pass was computed from
    private INDArray keptStartH;      // the initial-state array it started from (null = zeros)
    private float[] dW, dRW, dB, dX;  // gradient buffers, reused (dW, dRW transposed: DL4J's f-order memory)
    private float[] xBuffer, epsBuffer; // time-major input and output gradient, reused
    private float[] wTBuffer, rwTBuffer; // the weights as DL4J stores them (transposed), reused
    private InputDropout dropout;        // the mask of the kept training pass, when this layer applied dropout itself

    public FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private FusedLstmCore core() {
        if (core == null) {
            FusedLstm c = layerConf();
            core = new FusedLstmCore((int) c.getNIn(), (int) c.getNOut(), c.getOneHotInputs(), Kernels.best(), pool);
        }
        return core;
    }

    /** Runs this layer's passes on {@code threads} (null: the shared pool, which follows the Preferences). */
    public void usePool(KernelPool threads) {
        pool = threads;
        core = null;
        forwardKept = false;
    }

    /** The threads this layer runs on. */
    public KernelPool pool() {
        return pool != null ? pool : KernelPool.shared();
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        return forward(training, null, mgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        INDArray out = forward(false, stateMap, mgr);
        forwardKept = false;
        return out;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Map<String, INDArray> before = Map.copyOf(tBpttStateMap);
        INDArray out = forward(training, tBpttStateMap, mgr);
        if (!storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(before);
        }
        return out;
    }

    /**
     * Runs the core over the whole input. With {@code state} non-null the pass starts from its h/c (zeros if
     * absent) and the last h/c are written back into it.
     */
    private INDArray forward(boolean training, Map<String, INDArray> state, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        float keep = training ? InputDropout.keepProbability(layerConf().getIDropout()) : 1f;
        if (keep >= 1f) applyDropOutIfNecessary(training, mgr); // other dropout kinds: DL4J's own
        INDArray in = permuteIfNWC(input);
        boolean rank2 = in.rank() == 2; // a single step [B, nIn], as rnnTimeStep allows
        if (rank2) in = in.reshape(in.size(0), in.size(1), 1);
        FusedLstm c = layerConf();
        if (in.size(1) != c.getNIn())
            throw new IllegalArgumentException("input has " + in.size(1) + " features, layer nIn is " + c.getNIn()
                    + " (shape " + java.util.Arrays.toString(in.shape()) + ")");
        int batch = (int) in.size(0), steps = (int) in.size(2), h = (int) c.getNOut();

        FusedLstmCore k = core();
        // Reused buffers: a pass that overwrites them also clears forwardKept, so backprop recomputes its forward.
        wTBuffer = Floats.transposedOf(getParamWithNoise(FusedLstmParams.INPUT_WEIGHTS, training, mgr), wTBuffer);
        rwTBuffer = Floats.transposedOf(getParamWithNoise(FusedLstmParams.RECURRENT_WEIGHTS, training, mgr), rwTBuffer);
        k.setWeightsTransposed(wTBuffer, rwTBuffer,
                NdFloats.read(getParamWithNoise(FusedLstmParams.BIAS, training, mgr)));
        float[] h0 = null, c0 = null;
        INDArray sh = state == null ? null : state.get(STATE_H);
        if (sh != null) {
            if (sh.size(0) != batch)
                throw new IllegalStateException("stored state has " + sh.size(0) + " examples, input has " + batch
                        + ": call rnnClearPreviousState() between sequences");
            h0 = NdFloats.read(sh);
            c0 = NdFloats.read(state.get(STATE_C));
        }
        float[] mask = maskArray == null ? null : NdFloats.read(maskArray.reshape(batch, steps).transpose());
        xBuffer = Floats.timeMajor(in, xBuffer);
        // Plain dropout on the time-major copy, on the LSTM's threads (DL4J's ran single-threaded on a strided view).
        dropout = keep < 1f ? InputDropout.apply(xBuffer, steps * batch, (int) c.getNIn(), keep, dropout, pool()) : null;
        float[] hs = k.forward(xBuffer, steps, batch, h0, c0, mask);

        forwardKept = training;
        keptFor = input;
        keptStartH = sh;
        if (state != null) {
            state.put(STATE_H, NdFloats.createAt(hs, steps * batch * h, batch, h));
            state.put(STATE_C, NdFloats.createAt(k.cellStates(), steps * batch * h, batch, h));
        }
        INDArray out = Floats.toRecurrentActivations(hs, batch * h, steps, batch, h, mgr, dataType);
        if (rank2) return out.reshape(batch, h);
        return getDataFormat() == RNNFormat.NWC ? out.permute(0, 2, 1) : out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        return backprop(epsilon, 0, mgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr mgr) {
        return backprop(epsilon, tbpttBackLength, mgr);
    }

    private Pair<Gradient, INDArray> backprop(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (tbpttBackLength > 0) {
            // As DL4J's LSTM: the chunk starts from stateMap (the state after the previous chunk) and its last
            // state goes to tBpttStateMap. Reuse the kept forward pass only if it started from that same state.
            INDArray startH = stateMap.get(STATE_H);
            if (!forwardKept || keptFor != input || keptStartH != startH) {
                Map<String, INDArray> s = new java.util.HashMap<>(stateMap);
                forward(true, s, mgr);
            }
            tBpttStateMap.put(STATE_H, NdFloats.createAt(core().hiddenStates(), core().steps() * core().batch() * core().hidden(), core().batch(), core().hidden()));
            tBpttStateMap.put(STATE_C, NdFloats.createAt(core().cellStates(), core().steps() * core().batch() * core().hidden(), core().batch(), core().hidden()));
        } else if (!forwardKept || keptFor != input || keptStartH != null) {
            forward(true, null, mgr);
        }
        FusedLstmCore k = core();
        FusedLstm c = layerConf();
        int batch = k.batch(), steps = k.steps(), h = k.hidden(), nIn = k.nIn();
        INDArray eps = permuteIfNWC(epsilon);
        if (eps.rank() == 2) eps = eps.reshape(eps.size(0), eps.size(1), 1);

        // Reused between calls (the core overwrites them): a training run would otherwise allocate megabytes per batch.
        dW = reuse(dW, nIn * 4 * h);
        dRW = reuse(dRW, h * 4 * h);
        dB = reuse(dB, 4 * h);
        float[] dX = c.isInputGradient() ? (this.dX = reuse(this.dX, steps * batch * nIn)) : null;
        int firstStep = tbpttBackLength > 0 ? Math.max(0, steps - tbpttBackLength) : 0;
        epsBuffer = Floats.timeMajor(eps, epsBuffer);
        k.backward(epsBuffer, firstStep, dW, dRW, dB, dX);
        if (dX != null && dropout != null) dropout.backprop(dX, pool());

        Gradient g = new DefaultGradient(gradientsFlattened);
        putTransposedGradient(g, FusedLstmParams.INPUT_WEIGHTS, dW);
        putTransposedGradient(g, FusedLstmParams.RECURRENT_WEIGHTS, dRW);
        putGradient(g, FusedLstmParams.BIAS, dB);

        INDArray epsOut = dX != null
                ? Floats.timeMajorView(dX, 0, steps, batch, nIn, mgr, ArrayType.ACTIVATION_GRAD, dataType)
                : mgr.create(ArrayType.ACTIVATION_GRAD, dataType, new long[] {batch, nIn, steps}, 'c');
        if (dropout == null) epsOut = backpropDropOutIfPresent(epsOut);
        if (getDataFormat() == RNNFormat.NWC) epsOut = epsOut.permute(0, 2, 1);
        weightNoiseParams.clear();
        forwardKept = false;
        this.gradient = g;
        return new Pair<>(g, epsOut);
    }

    /** The 0-or-1/p factors of the last training pass's own dropout (time-major), or null when it had none. */
    float[] lastDropoutScale() {
        return dropout == null ? null : dropout.scale();
    }

    private static float[] reuse(float[] a, int n) {
        return a != null && a.length == n ? a : new float[n];
    }

    private void putTransposedGradient(Gradient g, String key, float[] transposed) {
        INDArray view = gradientViews.get(key);
        Floats.writeTransposed(transposed, view);
        g.setGradientFor(key, view);
    }

    private void putGradient(Gradient g, String key, float[] rowMajor) {
        INDArray view = gradientViews.get(key);
        studio.rondo.engine.lstm.NdFloats.write(rowMajor, 0, view);
        g.setGradientFor(key, view);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        // As DL4J's LSTM: output steps match input steps, the mask passes through unchanged.
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        return new Pair<>(maskArray, MaskState.Passthrough);
    }

    @Override
    public void clear() {
        super.clear();
        forwardKept = false;
        keptFor = null;
    }
}
