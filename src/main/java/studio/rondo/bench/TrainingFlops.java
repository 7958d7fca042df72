package studio.rondo.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import studio.rondo.engine.lstm.FusedLstm;

/**
 * Floating-point work of training one window, from a network's configuration: the nominal dense
 * figure (every layer a dense matrix product, as a framework without the studio's shortcuts computes
 * it) and what the studio's kernels really execute (the fused LSTM gathers one-hot input rows instead
 * of multiplying by them, and skips the input gradient nobody reads). Matrix products only, 2 flops a
 * multiply-add; a backward pass counts its weight and input gradients (2x the forward product).
 */
record TrainingFlops(double nominal, double executed) {

    static TrainingFlops perWindow(ComputationGraphConfiguration conf, int seqLen, boolean everyStep) {
        double nominal = 0, executed = 0;
        for (GraphVertex v : conf.getVertices().values()) {
            if (!(v instanceof LayerVertex lv)) continue;
            Layer layer = lv.getLayerConf().getLayer();
            if (layer instanceof BaseRecurrentLayer r && !(layer instanceof RnnOutputLayer)) {
                long in = r.getNIn(), h = r.getNOut(), gates = 4 * h;
                double dense = 2.0 * gates * (in + h); // input and recurrent products, one step forward
                nominal += seqLen * 3 * dense;
                if (layer instanceof FusedLstm f) {
                    long gathered = f.getOneHotInputs();
                    double forward = 2.0 * gates * (in - gathered + h) + (gathered > 0 ? gates : 0);
                    double weightGradients = 2.0 * gates * (in - gathered + h) + (gathered > 0 ? gates : 0);
                    double inputGradients = 2.0 * gates * h + (f.isInputGradient() ? 2.0 * gates * in : 0);
                    executed += seqLen * (forward + weightGradients + inputGradients);
                } else {
                    executed += seqLen * 3 * dense;
                }
            } else if (layer instanceof EmbeddingSequenceLayer e) {
                nominal += seqLen * 3 * 2.0 * e.getNIn() * e.getNOut(); // a one-hot product, as a dense framework would
                executed += seqLen * 2.0 * e.getNOut();                // a row copy forward, a row add back
            } else if (layer instanceof FeedForwardLayer ff) {
                double product = 2.0 * ff.getNIn() * ff.getNOut();
                double steps = layer instanceof RnnOutputLayer || (everyStep && !(layer instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer)) ? seqLen : 1;
                nominal += steps * 3 * product;
                executed += steps * 3 * product;
            }
        }
        return new TrainingFlops(nominal, executed);
    }
}
