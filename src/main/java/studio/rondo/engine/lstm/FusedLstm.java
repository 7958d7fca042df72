package studio.rondo.engine.lstm;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of the fused LSTM layer: DL4J's {@code LSTM} (tanh block input and cell output,
 * sigmoid gates, no peepholes, same parameters W/RW/b) computed by {@link FusedLstmCore} over whole
 * sequences. Serialised with the network by Jackson like any DL4J layer.
 *
 * <pre>{@code
 * new FusedLstm.Builder().nIn(130).nOut(128).oneHotInputs(128).build()          // first layer
 * new FusedLstm.Builder().nIn(128).nOut(128).dropOut(0.9).build()                // stacked
 * }</pre>
 */
public class FusedLstm extends BaseRecurrentLayer {
    private double forgetGateBiasInit = 1.0;
    private int oneHotInputs;
    private boolean inputGradient = true;

    /** For Jackson. */
    public FusedLstm() {
    }

    protected FusedLstm(Builder b) {
        super(b);
        this.forgetGateBiasInit = b.forgetGateBiasInit;
        this.oneHotInputs = b.oneHotInputs;
        this.inputGradient = b.inputGradient;
        initializeConstraints(b);
    }

    /**
     * True when this JVM runs the fused layer on the Vector API kernels (started with
     * {@code --add-modules jdk.incubator.vector}). Without them the plain Java GEMM is not vectorised by
     * JDK 17's JIT and the layer, still correct, trains slower than DL4J's LSTM (measured 0.8x for 1x128,
     * 0.2x for 2x256): a network factory should then choose DL4J's LSTM (same parameters, so models stay
     * interchangeable).
     */
    /** The kernels the fused layer runs ("vector(256 bit)", or "scalar"). */
    public static String kernelName() {
        return Kernels.best().name();
    }

    public static boolean acceleratedHere() {
        return Kernels.best() != Kernels.scalar();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                      int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                      DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FusedLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        if (oneHotInputs > getNIn()) throw new IllegalStateException("oneHotInputs " + oneHotInputs + " > nIn " + getNIn());
        FusedLstmLayer layer = new FusedLstmLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return FusedLstmParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long nParams = initializer().numParams(this);
        long h = getNOut();
        // per example and step, kept for backward: 4H gates, h, c, tanh(c), the input row
        long perEx = inputType instanceof InputType.InputTypeRecurrent r && r.getTimeSeriesLength() > 0
                ? r.getTimeSeriesLength() * (7 * h + getNIn()) : 7 * h + getNIn();
        return new LayerMemoryReport.Builder(getLayerName(), FusedLstm.class, inputType, out)
                .standardMemory(nParams, 0)
                .workingMemory(0, 0, 0, perEx)
                .cacheMemory(0, 0)
                .build();
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    /** How many leading input columns are one-hot (0 = none): projected by row gather instead of GEMM. */
    public int getOneHotInputs() {
        return oneHotInputs;
    }

    public void setOneHotInputs(int oneHotInputs) {
        this.oneHotInputs = oneHotInputs;
    }

    /** False when the layer sits directly on the network input: its input gradient is then not computed. */
    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof FusedLstm other) || !super.equals(o)) return false;
        return Double.compare(forgetGateBiasInit, other.forgetGateBiasInit) == 0
                && oneHotInputs == other.oneHotInputs && inputGradient == other.inputGradient;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), forgetGateBiasInit, oneHotInputs, inputGradient);
    }

    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;
        private int oneHotInputs;
        private boolean inputGradient = true;

        public Builder() {
            this.activationFn = new ActivationTanH(); // fixed: DL4J LSTM's default, the kernel computes tanh
        }

        /** Initial forget gate bias, as DL4J's LSTM (default 1.0). */
        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        /**
         * The first {@code n} input columns hold a one-hot (or all-zero) block, e.g. the pitch. Checked per
         * batch; a batch that violates it falls back to the dense GEMM, so this only affects speed.
         */
        public Builder oneHotInputs(int n) {
            if (n < 0) throw new IllegalArgumentException("oneHotInputs must be >= 0");
            this.oneHotInputs = n;
            return this;
        }

        /**
         * Whether to compute the gradient with respect to the layer input (default true). Set false only for
         * a layer fed directly by the network input, where nobody uses it: saves a quarter of backward.
         */
        public Builder inputGradient(boolean compute) {
            this.inputGradient = compute;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FusedLstm build() {
            return new FusedLstm(this);
        }
    }
}
