package studio.rondo.engine.model;

import studio.rondo.engine.lstm.NdFloats;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.Targets;
import studio.rondo.engine.encoding.Window;

/**
 * Turns windows into one minibatch: input [batch, features, seqLen] and, per stream, the next step
 * as a [batch, size] label, or with every-step targets each step's next step as a [batch, size,
 * seqLen] label (one-hot for categorical streams). Filled through flat float arrays, one native copy
 * per array.
 */
public final class WindowBatches {
    private final Encoding encoding;
    private final InputLayout layout;
    private final List<StreamSpec> streams;
    private final boolean everyStep;

    /** Last-step targets. */
    public WindowBatches(Encoding encoding) {
        this(encoding, false);
    }

    public WindowBatches(Encoding encoding, boolean everyStep) {
        this.encoding = encoding;
        this.layout = InputLayout.of(encoding);
        this.streams = encoding.streams();
        this.everyStep = everyStep;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Whether every step of a window is a target (else only the step after it). */
    public boolean everyStep() {
        return everyStep;
    }

    public MultiDataSet batch(List<Window> windows) {
        int n = windows.size(), seqLen = windows.get(0).length();
        INDArray[] labels = new INDArray[streams.size()];
        for (int s = 0; s < streams.size(); s++) {
            int size = streams.get(s).size();
            if (everyStep) {
                float[] buf = new float[n * size * seqLen];
                for (int i = 0; i < n; i++) Targets.writeSequence(windows.get(i), s, buf, i);
                labels[s] = NdFloats.create(buf, n, size, seqLen);
            } else {
                float[] buf = new float[n * size];
                for (int i = 0; i < n; i++) Targets.writeNext(windows.get(i), s, buf, i);
                labels[s] = NdFloats.create(buf, n, size);
            }
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[]{inputs(windows)}, labels);
    }

    /** Inputs only (for evaluation and generation). */
    public MultiDataSet inputsOnly(List<Window> windows) {
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[]{inputs(windows)}, new INDArray[0]);
    }

    /**
     * Features [batch, features, seqLen] as DL4J expects, laid out time-major in memory (a permuted view of a
     * c-order [seqLen, batch, features] array): the fused LSTM then reads them with one copy.
     */
    private INDArray inputs(List<Window> windows) {
        int n = windows.size(), seqLen = windows.get(0).length(), f = layout.features();
        float[] buf = new float[n * f * seqLen];
        for (int i = 0; i < n; i++) {
            if (windows.get(i).length() != seqLen) throw new IllegalArgumentException("windows of one batch differ in length");
            layout.writeTimeMajor(windows.get(i), buf, i, n);
        }
        return NdFloats.create(buf, seqLen, n, f).permute(1, 2, 0);
    }
}
