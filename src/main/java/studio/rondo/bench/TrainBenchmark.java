package studio.rondo.bench;

import studio.rondo.engine.preset.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.lstm.Kernels;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.LstmFactory;
import studio.rondo.engine.model.LstmLayers;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.train.CorpusSplit;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingListener;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * Training speed of one network on the Mozart set (the data folder's "mozart" subfolder when there
 * is one), trained through the product's {@link TrainingSession} (stride seqLen/4, the recipe's own
 * augmentation), timed after a warm-up of at least {@link #WARMUP_SECONDS}. A fixed number of minibatches, capped at
 * {@link #BUDGET_SECONDS} of measuring, keeps the big presets short. Peak RSS is the process's
 * (VmHWM), so when several benchmarks run in one JVM it is the peak so far; they run smallest first.
 */
public final class TrainBenchmark implements Benchmark {
    static final double BUDGET_SECONDS = 30;
    /** JIT compilation of the kernels takes a few seconds; measuring before it settles understates speed 2-3x. */
    static final double WARMUP_SECONDS = 6;

    private final String name;
    private final Preset preset;
    private final Hyperparameters hp;
    private final LstmFactory lstm; // null: the studio's own choice (fused where the Vector API is present)

    public TrainBenchmark(String name, Preset preset, Hyperparameters hp) {
        this(name, preset, hp, null);
    }

    private TrainBenchmark(String name, Preset preset, Hyperparameters hp, LstmFactory lstm) {
        this.name = name;
        this.preset = preset;
        this.hp = hp;
        this.lstm = lstm;
    }

    /** The same benchmark with DL4J's stock LSTM: the same code path, only the layer differs. */
    public TrainBenchmark withStockLstm() {
        return new TrainBenchmark(name + "-stock", preset, hp, LstmLayers.STOCK);
    }

    /**
     * The reference configuration, the one ../shared/bench/pytorch-reference measures: pitch-step-duration,
     * LSTM 1x128, seq 50, batch 64, Adam, no dropout.
     */
    public static TrainBenchmark reference() {
        return reference("train-reference", 1, 128);
    }

    /** The reference with LSTM 2x256 (pytorch-reference --hidden 256 --layers 2). */
    public static TrainBenchmark reference2x256() {
        return reference("train-reference-2x256", 2, 256);
    }

    /**
     * Performance RNN as {@code pytorch-reference --model perf --hidden 512 --layers 3} measures it: LSTM 3x512 over
     * 388 one-hot events, seq 100, batch 64, last-step target, Adam, gradient clipping 3.
     */
    public static TrainBenchmark referencePerformance() {
        return new TrainBenchmark("train-reference-perf", Presets.PERFORMANCE, Presets.PERFORMANCE.seedRecipe().toBuilder()
                .hidden(512).layers(3).seqLen(100).batch(64).build());
    }

    private static TrainBenchmark reference(String name, int layers, int hidden) {
        // The seed's recipe (last-step heads), as pytorch-reference measures it.
        return new TrainBenchmark(name, Presets.PITCH_STEP_DURATION, Presets.PITCH_STEP_DURATION.seedRecipe().toBuilder()
                .hidden(hidden).layers(layers).seqLen(50).batch(64).dropout(0).build());
    }

    /** The preset's default recipe. */
    public static TrainBenchmark of(Preset preset) {
        return new TrainBenchmark("train-" + preset.id(), preset, preset.defaults());
    }

    /** The reference first, then the presets from the smallest network to the largest. */
    public static List<Benchmark> all() {
        List<Benchmark> out = new ArrayList<>();
        out.add(reference());
        out.add(reference2x256());
        out.add(reference().withStockLstm());
        out.add(referencePerformance());
        for (Preset p : List.of(Presets.TF_TUTORIAL, Presets.PITCH_STEP_DURATION, Presets.VELOCITY_AWARE, Presets.PERFORMANCE,
                Presets.THREE_STREAM, Presets.CHORD_TOKENS)) out.add(of(p));
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "training windows/s and peak memory of " + preset.id() + " (LSTM " + hp.layers() + "x" + hp.hidden() + ")";
    }

    @Override
    public BenchRecord run(BenchSettings settings) throws IOException {
        Path dir = settings.dataDir();
        if (Files.isDirectory(dir.resolve("mozart"))) dir = dir.resolve("mozart");
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "no such data folder");
        List<Piece> pieces = new ArrayList<>();
        for (MidiImport.Result r : MidiImport.readAll(List.of(dir), ReadOptions.DEFAULT)) if (r.ok()) pieces.add(r.piece());
        if (pieces.isEmpty()) throw new NoSuchFileException(dir.toString(), null, "no readable MIDI files in the data folder");

        EngineRuntime.start();
        // The product's own path: a TrainingSession on the whole set (no validation), stride seqLen/4,
        // timed minibatch by minibatch through its listener and stopped once measured.
        TrainingConfig plan = new TrainingConfig(preset, hp, 1_000_000, 0, 1, 0, Math.max(1, hp.seqLen() / 4), 0, null, null, null);
        TrainingSession session = new TrainingSession(plan, new CorpusSplit(pieces, List.of()));
        Stopwatch clock = new Stopwatch(session, settings);
        LstmFactory before = LstmLayers.current();
        if (lstm != null) LstmLayers.use(lstm);
        TrainingResult result;
        try {
            result = session.run(clock);
        } finally {
            LstmLayers.use(before);
        }
        if (clock.measured == 0) throw new NoSuchFileException(dir.toString(), null, "too few windows for one minibatch");
        ComputationGraph net = result.network();
        Encoding encoding = result.encoding();
        int measured = clock.measured, warmup = clock.warmup;
        double seconds = clock.seconds;
        double perSecond = clock.windows / seconds;
        long[] nanos = clock.minibatchNanos.stream().mapToLong(Long::longValue).toArray();
        Timings t = new Timings(nanos);
        TrainingFlops flops = TrainingFlops.perWindow(net.getConfiguration(), hp.seqLen(), hp.everyStep());
        double peak = Kernels.peakGflops() * EngineRuntime.threads();
        double executedGflops = flops.executed() * perSecond / 1e9, nominalGflops = flops.nominal() * perSecond / 1e9;

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("preset", preset.id());
        f.put("hidden", hp.hidden());
        f.put("layers", hp.layers());
        f.put("seq_len", hp.seqLen());
        f.put("batch", hp.batch());
        f.put("train_windows_per_s", Math.round(perSecond * 10) / 10.0);
        f.put("gen_events_per_s", Math.round(GenerationBenchmark.eventsPerSecond(net, encoding,
                studio.rondo.engine.generate.Primer.firstNotes(pieces.get(0), GenerationBenchmark.PRIMER_NOTES), GenerationBenchmark.EVENTS,
                new BenchSettings(dir, 1, 2))));
        f.put("minibatch_ms_median", Math.round(t.medianSeconds() * 1e5) / 100.0);
        f.put("minibatch_ms_iqr", Math.round(t.interquartileSeconds() * 1e5) / 100.0);
        f.put("lstm", net.getConfiguration().toJson().contains("FusedLstm") ? "fused" : "stock");
        f.put("gflop_per_window_nominal", Math.round(flops.nominal() / 1e6) / 1000.0);
        f.put("gflop_per_window_executed", Math.round(flops.executed() / 1e6) / 1000.0);
        f.put("gflops_nominal", Math.round(nominalGflops * 10) / 10.0);
        f.put("gflops_executed", Math.round(executedGflops * 10) / 10.0);
        f.put("peak_gflops", Math.round(peak * 10) / 10.0);
        f.put("peak_fraction_executed", Math.round(executedGflops / peak * 1000) / 1000.0);
        f.put("peak_rss_mb", PeakMemory.peakRssMb());
        f.put("rss_mb", PeakMemory.rssMb());
        f.put("parameters", net.numParams());
        f.put("batches_measured", measured);
        f.put("windows_measured", clock.windows);
        f.put("warmup_batches", warmup);
        f.put("seconds", Math.round(seconds * 100) / 100.0);
        f.put("threads", EngineRuntime.threads());
        f.put("pieces", pieces.size());
        f.put("data", dir.toString());
        String summary = String.format(Locale.ROOT, "%s: %s LSTM %dx%d, seq %d, batch %d, %,d parameters: %.1f windows/s (%d batches in %.1f s after %d warm-up;"
                        + " minibatch median %.1f ms, IQR %.1f ms), %.1f GFLOP/s executed (%.1f nominal), %.0f%% of the %.0f GFLOP/s peak, peak RSS %.0f MB",
                name, preset.id(), hp.layers(), hp.hidden(), hp.seqLen(), hp.batch(), net.numParams(), perSecond, measured, seconds, warmup,
                t.medianSeconds() * 1e3, t.interquartileSeconds() * 1e3, executedGflops, nominalGflops, 100 * executedGflops / peak, peak,
                PeakMemory.peakRssMb());
        return new BenchRecord("train", f, summary);
    }

    /**
     * Times the session's minibatches: a warm-up of at least {@link #WARMUP_SECONDS} and up to 2 of
     * the given rounds (none when the settings ask for none, for tests), then the given rounds or
     * {@link #BUDGET_SECONDS}, whichever ends first; then stops the session.
     */
    private static final class Stopwatch implements TrainingListener {
        final TrainingSession session;
        final BenchSettings settings;
        final int minWarmup;
        long w0, t0;
        boolean measuring;
        int warmup, measured;
        long windows;
        double seconds;
        long last;
        final List<Long> minibatchNanos = new ArrayList<>();

        Stopwatch(TrainingSession session, BenchSettings settings) {
            this.session = session;
            this.settings = settings;
            this.minWarmup = Math.min(settings.warmupRounds(), 2);
        }

        @Override
        public void onStart(Start s) {
            w0 = t0 = last = System.nanoTime();
            measuring = settings.warmupRounds() == 0;
        }

        @Override
        public void onIteration(Iteration it) {
            long now = System.nanoTime();
            long took = now - last;
            last = now;
            if (!measuring) {
                warmup++;
                if (warmup >= minWarmup && (now - w0) / 1e9 >= WARMUP_SECONDS) {
                    measuring = true;
                    t0 = now;
                }
                return;
            }
            measured++;
            windows += it.windows();
            minibatchNanos.add(took);
            seconds = (now - t0) / 1e9;
            if (measured >= settings.rounds() || seconds >= BUDGET_SECONDS) session.stop();
        }
    }
}
