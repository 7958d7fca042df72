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
 * the step kernel (scalar, vector). A training round is one batch, a generation round 200 notes (rnnTimeStep) or 2000 (kernels:
 * long enough for the coarse process CPU clock).
 */
public final class LstmBenchmark implements Benchmark {
    private static final int BATCH = 64, STEPS = 50, DL4J_NOTES_PER_ROUND = 200, KERNEL_NOTES_PER_ROUND = 2000;
    private static final int[][] SHAPES = {{1, 128}, {2, 256}};
    private static final long WARMUP_NANOS = 5_000_000_000L;

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
        // the ceiling: one core's FMA peak (best of three short runs, the first also warms the JIT) x threads
        double peakPerCore = 0;
        for (int i = 0; i < 3; i++) peakPerCore = Math.max(peakPerCore, studio.rondo.engine.lstm.Kernels.best().measurePeakGflops(400));
        double peak = peakPerCore * EngineRuntime.threads();
        figures.put("peak_gflops_per_core", round(peakPerCore));
        figures.put("peak_gflops", round(peak));
        for (int[] shape : SHAPES) {
            int layers = shape[0], hidden = shape[1];
            String tag = layers + "x" + hidden;
            Rate stock = train(false, layers, hidden, settings);
            Rate fused = train(true, layers, hidden, settings);
            double gflop = 3 * LstmBenchModels.forwardFlopsPerWindow(layers, hidden, STEPS) / 1e9;
            put(figures, "train_" + tag + "_stock_windowsPerSecond", stock);
            put(figures, "train_" + tag + "_fused_windowsPerSecond", fused);
            figures.put("train_" + tag + "_speedup", round(fused.wall / stock.wall));
            figures.put("train_" + tag + "_fused_gflops", round(fused.wall * gflop));
            figures.put("train_" + tag + "_fused_peakFraction", round(fused.wall * gflop / peak));
            lines.add(String.format(Locale.ROOT,
                    "train %s windows/s: stock %.0f (per CPU-s %.0f), fused %.0f (per CPU-s %.0f): x%.1f wall, x%.1f CPU; fused %.1f GFLOP/s = %.0f%% of the %.0f GFLOP/s peak (%d x %.0f)",
                    tag, stock.wall, stock.cpu, fused.wall, fused.cpu, fused.wall / stock.wall, fused.cpu / stock.cpu, fused.wall * gflop,
                    100 * fused.wall * gflop / peak, peak, EngineRuntime.threads(), peakPerCore));

            Generation g = generate(layers, hidden, settings);
            put(figures, "generate_" + tag + "_rnnTimeStep_notesPerSecond", g.rnnTimeStep);
            put(figures, "generate_" + tag + "_scalarKernel_notesPerSecond", g.scalar);
            put(figures, "generate_" + tag + "_vectorKernel_notesPerSecond", g.vector);
            lines.add(String.format(Locale.ROOT,
                    "generate %s notes/s (wall | per CPU-s): rnnTimeStep %.0f | %.0f, step kernel scalar %.0f | %.0f, vector %.0f | %.0f",
                    tag, g.rnnTimeStep.wall, g.rnnTimeStep.cpu, g.scalar.wall, g.scalar.cpu, g.vector.wall, g.vector.cpu));
        }
        Map<String, Double> gemm = GemmComparison.run(settings.rounds());
        figures.putAll(gemm);
        lines.add(GemmComparison.summary(gemm));
        figures.put("kernels", studio.rondo.engine.lstm.Kernels.best().name());
        figures.put("loadAverageAfter", loadAverage());
        String summary = "lstm (batch " + BATCH + ", seq " + STEPS + ", median of " + settings.rounds() + " rounds after "
                + settings.warmupRounds() + " warm-up, " + EngineRuntime.describe() + ", load " + figures.get("loadAverage")
                + " -> " + figures.get("loadAverageAfter") + "):\n  " + String.join("\n  ", lines);
        return new BenchRecord("lstm", figures, summary);
    }

    /** Throughput by wall clock and by process CPU time (the latter hides waits for a busy machine's cores). */
    private record Rate(double wall, double cpu) {
    }

    /** Median windows/s of fit() on one fixed batch. */
    private static Rate train(boolean fused, int layers, int hidden, BenchSettings s) {
        ComputationGraph net = LstmBenchModels.reference(fused, layers, hidden);
        MultiDataSet data = LstmBenchModels.batch(new Random(1), BATCH, STEPS);
        // warm-up until the JIT has compiled the kernels (seconds, not rounds: a few rounds leave them interpreted)
        long w0 = System.nanoTime();
        for (int i = 0; s.warmupRounds() > 0 && (i < s.warmupRounds() || System.nanoTime() - w0 < WARMUP_NANOS); i++) net.fit(data);
        long[] nanos = new long[s.rounds()], cpu = new long[s.rounds()];
        for (int i = 0; i < nanos.length; i++) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            net.fit(data);
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = Math.max(1, cpuNanos() - c0);
        }
        return new Rate(BATCH / new Timings(nanos).medianSeconds(), BATCH / new Timings(cpu).medianSeconds());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Generation(Rate rnnTimeStep, Rate scalar, Rate vector) {
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
        Rate dl4j = rate(s, DL4J_NOTES_PER_ROUND, () -> net.rnnTimeStep(inputs[n[0]++ & 31])[0].getFloat(0));
        LstmStepKernel kernel = LstmStepKernel.of(net);
        DenseHead[] heads = {DenseHead.of(net.getLayer("pitch")), DenseHead.of(net.getLayer("step")), DenseHead.of(net.getLayer("duration"))};
        Rate scalar = rate(s, KERNEL_NOTES_PER_ROUND, stepper(kernel.scalar(), heads));
        Rate vector = kernel.vector().map(k -> rate(s, KERNEL_NOTES_PER_ROUND, stepper(k, heads))).orElse(new Rate(0, 0));
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

    /** Median notes/s over rounds of notesPerRound steps. */
    private static Rate rate(BenchSettings s, int notesPerRound, java.util.function.DoubleSupplier note) {
        double sink = 0;
        for (int i = 0; i < s.warmupRounds() * notesPerRound; i++) sink += note.getAsDouble();
        long[] nanos = new long[s.rounds()], cpu = new long[s.rounds()];
        for (int r = 0; r < nanos.length; r++) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            for (int i = 0; i < notesPerRound; i++) sink += note.getAsDouble();
            nanos[r] = System.nanoTime() - t0;
            cpu[r] = Math.max(1, cpuNanos() - c0);
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("NaN in generation");
        return new Rate(notesPerRound / new Timings(nanos).medianSeconds(), notesPerRound / new Timings(cpu).medianSeconds());
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

    private static void put(Map<String, Object> figures, String key, Rate r) {
        figures.put(key, round(r.wall));
        figures.put(key.replace("PerSecond", "PerCpuSecond"), round(r.cpu));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
