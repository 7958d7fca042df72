package studio.rondo.engine.lstm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * DL4J's {@link RnnOutputLayer} (same parameters W [nIn, nOut] and b, same loss, same score) whose
 * training pass runs in {@link FusedRnnOutputLayer}: one matrix product per direction on the fused
 * LSTM's threads, softmax, loss and its gradient in one sweep, instead of DL4J's reshapes and
 * single-threaded ops. A network with every-step targets spent about half of each minibatch in
 * those. Models saved with it load like any DL4J layer (Jackson, by class name); a model saved
 * with DL4J's own layer keeps that layer.
 */
public class FusedRnnOutput extends RnnOutputLayer {

    /** For Jackson. */
    public FusedRnnOutput() {
    }

    /** The fused layer with the settings of {@code like} (built by DL4J's RnnOutputLayer.Builder). */
    public static FusedRnnOutput of(RnnOutputLayer like) {
        FusedRnnOutput out = new FusedRnnOutput();
        // The builder is private to DL4J: copy what it set, field by field, up the class hierarchy.
        for (Class<?> c = RnnOutputLayer.class; c != null && Layer.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                try {
                    f.setAccessible(true);
                    f.set(out, f.get(like));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot copy " + c.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return out;
    }

    /** A sequence head: nOut outputs per step, this loss and activation, NCW data. */
    public static FusedRnnOutput of(ILossFunction loss, int nOut, IActivation activation) {
        return of(new RnnOutputLayer.Builder(loss).nOut(nOut).activation(activation).dataFormat(RNNFormat.NCW).build());
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                      int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                      DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FusedRnnOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        FusedRnnOutputLayer layer = new FusedRnnOutputLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
