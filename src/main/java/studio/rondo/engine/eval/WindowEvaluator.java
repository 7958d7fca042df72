package studio.rondo.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import studio.rondo.engine.encoding.Targets;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.Head;
import studio.rondo.engine.model.HeadLoss;
import studio.rondo.engine.model.WindowBatches;

/**
 * Runs a network over windows in inference mode and computes the studio's model metrics: loss per
 * head, main-head top-1/top-5, NLL per event, plus two baselines on the same windows. Losses are
 * recomputed in Java from the outputs, so they mean the same for every preset.
 */
public final class WindowEvaluator {
    private final ComputationGraph net;
    private final List<Head> heads;
    private final WindowBatches batches;
    private final int main; // index of the main categorical head, -1 if none

    public WindowEvaluator(ComputationGraph net, List<Head> heads, WindowBatches batches) {
        this.net = net;
        this.heads = List.copyOf(heads);
        this.batches = batches;
        int m = -1;
        for (int h = 0; h < heads.size() && m < 0; h++) if (heads.get(h).categorical()) m = h;
        this.main = m;
    }

    /** A head's output at the window's last step: every-step heads give [batch, size, time]. */
    private static INDArray lastStep(INDArray out) {
        if (out.rank() != 3) return out;
        return out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(out.size(2) - 1));
    }

    /**
     * @param unigram main-stream class probabilities of the training corpus, or null
     */
    public EvalResult evaluate(List<Window> windows, int batchSize, double[] unigram) {
        if (windows.isEmpty()) throw new IllegalArgumentException("no windows to evaluate");
        double[] headSum = new double[heads.size()];
        double nll = 0, unigramNll = 0;
        long top1 = 0, top5 = 0, repeat = 0;
        boolean[] nonFinite = new boolean[windows.size()];
        for (int from = 0; from < windows.size(); from += batchSize) {
            int to = Math.min(windows.size(), from + batchSize);
            List<Window> batch = windows.subList(from, to);
            MultiDataSet mds = batches.inputsOnly(batch);
            INDArray[] outs = net.output(false, mds.getFeatures());
            for (int h = 0; h < heads.size(); h++) {
                Head head = heads.get(h);
                float[][] out = lastStep(outs[h]).toFloatMatrix();
                for (int i = 0; i < batch.size(); i++) {
                    Window w = batch.get(i);
                    if (!finite(out[i])) nonFinite[from + i] = true;
                    if (head.categorical()) {
                        int target = Targets.nextClass(w, head.stream());
                        double ce = HeadLoss.crossEntropy(out[i][target]);
                        headSum[h] += ce;
                        nll += ce;
                        if (h == main) {
                            int rank = rank(out[i], target);
                            if (rank < 1) top1++;
                            if (rank < 5) top5++;
                            int previous = w.piece().classAt(head.stream(), w.targetStep() - 1);
                            if (previous == target) repeat++;
                            if (unigram != null) unigramNll += HeadLoss.crossEntropy(unigram[target]);
                        }
                    } else {
                        headSum[h] += head.loss().real(w.piece().valueAt(head.stream(), w.targetStep()), out[i][0]);
                    }
                }
            }
        }
        int n = windows.size();
        Map<String, Double> headLoss = new LinkedHashMap<>();
        double loss = 0;
        for (int h = 0; h < heads.size(); h++) {
            headLoss.put(heads.get(h).spec().name(), headSum[h] / n);
            loss += heads.get(h).weight() * headSum[h] / n;
        }
        String mainName = main < 0 ? null : heads.get(main).spec().name();
        int diverged = 0;
        for (boolean b : nonFinite) if (b) diverged++;
        return new EvalResult(n, loss, headLoss, mainName, (double) top1 / n, (double) top5 / n, nll / n,
                (double) repeat / n, unigram == null || main < 0 ? null : unigramNll / n, diverged);
    }

    /**
     * The target's rank among the classes, 0 for the best: the classes scoring higher, plus those
     * scoring the same with a lower index (a tie is never a free hit: with all outputs equal only
     * class 0 ranks first). A target whose score is not a number ranks last (a miss at every k).
     */
    static int rank(float[] scores, int target) {
        float t = scores[target];
        if (Float.isNaN(t)) return Integer.MAX_VALUE;
        int rank = 0;
        for (int c = 0; c < scores.length; c++) {
            float p = scores[c];
            if (p > t || (p == t && c < target) || (Float.isNaN(p) && c != target)) rank++;
        }
        return rank;
    }

    private static boolean finite(float[] values) {
        for (float v : values) if (!Float.isFinite(v)) return false;
        return true;
    }
}
