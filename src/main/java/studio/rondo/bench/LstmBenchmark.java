package studio.rondo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.lstm.DenseHead;
import studio.rondo.engine.lstm.LstmStepKernel;

/**
 * Training windows/s of the reference model (seq 50, batch 64, Adam) with DL4J's LSTM and with
 * FusedLstm, 1x128 and 2x256, in the same run; batch-1 generation notes/s with rnnTimeStep and with
 * the step kernel (scalar, vector). A training round is one batch, a generation round 200 notes.
 */
public final class LstmBenchmark implements Benchmark {
    private static final int BATCH = 64, STEPS = 50, NOTES_PER_ROUND = 200;
    private static final int[][] SHAPES = {{1, 128}, {2, 256}};

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM training windows/s and generation notes/s: DL4J LSTM vs fused layer and step kernel";
    }

    @Override
    public BenchRecord run(BenchSettings settings) {
        EngineRuntime.start();
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        figures.put("threads", EngineRuntime.threads());
        figures.put("loadAverage", loadAverage());
        for (int[] shape : SHAPES) {
            int layers = shape[0], hidden = shape[1];
            String tag = layers + "x" + hidden;
            double stock = train(false, layers, hidden, settings);
            double fused = train(true, layers, hidden, settings);
            double gflop = 3 * LstmBenchModels.forwardFlopsPerWindow(layers, hidden, STEPS) / 1e9;
            figures.put("train_" + tag + "_stock_windowsPerSecond", round(stock));
            figures.put("train_" + tag + "_fused_windowsPerSecond", round(fused));
            figures.put("train_" + tag + "_speedup", round(fused / stock));
            figures.put("train_" + tag + "_fused_gflops", round(fused * gflop));
            lines.add(String.format(Locale.ROOT, "train %s: stock %.0f, fused %.0f windows/s (x%.1f; fused %.1f GFLOP/s nominal)",
                    tag, stock, fused, fused / stock, fused * gflop));

            Generation g = generate(layers, hidden, settings);
            figures.put("generate_" + tag + "_rnnTimeStep_notesPerSecond", round(g.rnnTimeStep));
            figures.put("generate_" + tag + "_scalarKernel_notesPerSecond", round(g.scalar));
            figures.put("generate_" + tag + "_vectorKernel_notesPerSecond", round(g.vector));
            lines.add(String.format(Locale.ROOT, "generate %s: rnnTimeStep %.0f, step kernel scalar %.0f, vector %s notes/s",
                    tag, g.rnnTimeStep, g.scalar, g.vector > 0 ? String.format(Locale.ROOT, "%.0f", g.vector) : "n/a"));
        }
        figures.put("loadAverageAfter", loadAverage());
        String summary = "lstm (batch " + BATCH + ", seq " + STEPS + ", median of " + settings.rounds() + " rounds after "
                + settings.warmupRounds() + " warm-up, " + EngineRuntime.describe() + ", load " + figures.get("loadAverage")
                + " -> " + figures.get("loadAverageAfter") + "):\n  " + String.join("\n  ", lines);
        return new BenchRecord("lstm", figures, summary);
    }

    /** Median windows/s of fit() on one fixed batch. */
    private static double train(boolean fused, int layers, int hidden, BenchSettings s) {
        ComputationGraph net = LstmBenchModels.reference(fused, layers, hidden);
        MultiDataSet data = LstmBenchModels.batch(new Random(1), BATCH, STEPS);
        for (int i = 0; i < s.warmupRounds(); i++) net.fit(data);
        long[] nanos = new long[s.rounds()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            net.fit(data);
            nanos[i] = System.nanoTime() - t0;
        }
        return BATCH / new Timings(nanos).medianSeconds();
    }

    private record Generation(double rnnTimeStep, double scalar, double vector) {
    }

    private static Generation generate(int layers, int hidden, BenchSettings s) {
        ComputationGraph net = LstmBenchModels.reference(false, layers, hidden);
        Random rnd = new Random(3);
        INDArray[] inputs = new INDArray[32]; // prepared, so only rnnTimeStep itself is timed
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, LstmBenchModels.N_IN, 1);
            inputs[i].putScalar(new long[] {0, rnd.nextInt(LstmBenchModels.PITCHES), 0}, 1f);
            inputs[i].putScalar(new long[] {0, LstmBenchModels.PITCHES, 0}, 0.25f);
        }
        int[] n = {0};
        double dl4j = rate(s, () -> net.rnnTimeStep(inputs[n[0]++ & 31])[0].getFloat(0));
        LstmStepKernel kernel = LstmStepKernel.of(net);
        DenseHead[] heads = {DenseHead.of(net.getLayer("pitch")), DenseHead.of(net.getLayer("step")), DenseHead.of(net.getLayer("duration"))};
        double scalar = rate(s, stepper(kernel.scalar(), heads));
        double vector = kernel.vector().map(k -> rate(s, stepper(k, heads))).orElse(0.0);
        return new Generation(dl4j, scalar, vector);
    }

    /** One note: one-hot pitch + 2 reals through the LSTM stack and all three heads. */
    private static java.util.function.DoubleSupplier stepper(LstmStepKernel k, DenseHead[] heads) {
        float[] in = new float[LstmBenchModels.N_IN];
        Random rnd = new Random(2);
        return () -> {
            java.util.Arrays.fill(in, 0, LstmBenchModels.PITCHES, 0f);
            in[rnd.nextInt(LstmBenchModels.PITCHES)] = 1f;
            in[LstmBenchModels.PITCHES] = 0.25f;
            in[LstmBenchModels.PITCHES + 1] = 0.5f;
            float[] h = k.step(in);
            double sink = 0;
            for (DenseHead head : heads) sink += head.apply(h)[0];
            return sink;
        };
    }

    /** Median notes/s over rounds of NOTES_PER_ROUND steps. */
    private static double rate(BenchSettings s, java.util.function.DoubleSupplier note) {
        double sink = 0;
        for (int i = 0; i < s.warmupRounds() * NOTES_PER_ROUND; i++) sink += note.getAsDouble();
        long[] nanos = new long[s.rounds()];
        for (int r = 0; r < nanos.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < NOTES_PER_ROUND; i++) sink += note.getAsDouble();
            nanos[r] = System.nanoTime() - t0;
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("NaN in generation");
        return NOTES_PER_ROUND / new Timings(nanos).medianSeconds();
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return String.format(Locale.ROOT, "%.2f", l);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
