package studio.rondo.engine.lstm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters exactly as DL4J's LSTMParamInitializer lays them out, so weights move between the two
 * layers unchanged: in the flat view W [nIn,4H] (f order), then RW [H,4H] (f order), then b [4H];
 * forget-gate bias (second block) initialised to forgetGateBiasInit, weights by the layer's weight init
 * with fanIn = H and fanOut = nIn + H like DL4J.
 */
public final class FusedLstmParams implements ParamInitializer {
    public static final FusedLstmParams INSTANCE = new FusedLstmParams();
    public static final String INPUT_WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";
    private static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    private static final List<String> WEIGHT_KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);

    private FusedLstmParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FusedLstm l = (FusedLstm) layer;
        long h = l.getNOut(), nIn = l.getNIn();
        return nIn * 4 * h + h * 4 * h + 4 * h;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FusedLstm l = (FusedLstm) conf.getLayer();
        long h = l.getNOut(), nIn = l.getNIn();
        conf.addVariable(INPUT_WEIGHTS);
        conf.addVariable(RECURRENT_WEIGHTS);
        conf.addVariable(BIAS);
        INDArray[] flat = flatViews(l, paramsView);
        if (initializeParams) {
            IWeightInit wInit = l.getWeightInitFn();
            IWeightInit rwInit = l.getWeightInitFnRecurrent() != null ? l.getWeightInitFnRecurrent() : wInit;
            wInit.init(h, nIn + h, new long[] {nIn, 4 * h}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[0]);
            rwInit.init(h, nIn + h, new long[] {h, 4 * h}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[1]);
        }
        Map<String, INDArray> views = split(conf, paramsView);
        if (initializeParams) {
            INDArray b = views.get(BIAS);
            b.assign(0);
            b.get(NDArrayIndex.interval(h, 2 * h)).assign(l.getForgetGateBiasInit());
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split(conf, gradientView);
    }

    private Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray all) {
        FusedLstm l = (FusedLstm) conf.getLayer();
        long h = l.getNOut(), nIn = l.getNIn();
        INDArray[] flat = flatViews(l, all);
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHTS, flat[0].reshape('f', nIn, 4 * h));
        out.put(RECURRENT_WEIGHTS, flat[1].reshape('f', h, 4 * h));
        out.put(BIAS, flat[2]);
        return out;
    }

    /** W and RW as [1, n] row views, b as a rank-1 view, of the layer's flat parameter (or gradient) row. */
    private static INDArray[] flatViews(FusedLstm l, INDArray all) {
        long h = l.getNOut(), nIn = l.getNIn();
        long nW = nIn * 4 * h, nRW = h * 4 * h, nB = 4 * h;
        if (all.length() != nW + nRW + nB)
            throw new IllegalStateException("expected a parameter view of length " + (nW + nRW + nB) + ", got " + all.length());
        INDArray row = all.reshape(1, all.length());
        return new INDArray[] {
                row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(0, nW)),
                row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(nW, nW + nRW)),
                row.get(NDArrayIndex.point(0), NDArrayIndex.interval(nW + nRW, nW + nRW + nB))}; // rank 1, as DL4J's
    }
}
