package studio.rondo.bench;

import studio.rondo.engine.preset.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * Training speed of one network on the Mozart set (the data folder's "mozart" subfolder when there
 * is one): minibatches of shuffled windows (stride seqLen/4, no augmentation) built and fitted as
 * the trainer does, timed after a warm-up of at least {@link #WARMUP_SECONDS}. A fixed number of minibatches, capped at
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

    public TrainBenchmark(String name, Preset preset, Hyperparameters hp) {
        this.name = name;
        this.preset = preset;
        this.hp = hp;
    }

    /**
     * The reference configuration of STACK-NOTES and ../shared/bench/pytorch-reference: pitch-step-duration,
     * LSTM 1x128, seq 50, batch 64, Adam, no dropout.
     */
    public static TrainBenchmark reference() {
        return reference("train-reference", 1, 128);
    }

    /** The reference with LSTM 2x256 (pytorch-reference --hidden 256 --layers 2). */
    public static TrainBenchmark reference2x256() {
        return reference("train-reference-2x256", 2, 256);
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
        Encoding encoding = preset.newEncoding();
        if (!encoding.fitted()) encoding = encoding.fit(pieces);
        List<EncodedPiece> encoded = new ArrayList<>();
        for (Piece p : pieces) encoded.add(encoding.encode(p));
        List<Window> windows = new ArrayList<>(Window.over(encoded, hp.seqLen(), Math.max(1, hp.seqLen() / 4)));
        if (windows.size() < hp.batch()) throw new NoSuchFileException(dir.toString(), null, "too few windows for one minibatch");
        Collections.shuffle(windows, new Random(1));

        ComputationGraph net = NetworkFactory.build(preset, encoding, hp, 1);
        WindowBatches batches = new WindowBatches(encoding, hp.everyStep()); // the labels the network's heads expect
        int next = 0;
        // Warm-up: at least WARMUP_SECONDS and up to 2 of the given rounds (none when warm-up is 0, for tests)
        int warmup = 0, minWarmup = Math.min(settings.warmupRounds(), 2);
        long w0 = System.nanoTime();
        while (settings.warmupRounds() > 0 && (warmup < minWarmup || (System.nanoTime() - w0) / 1e9 < WARMUP_SECONDS)) {
            fit(net, batches, windows, next++);
            warmup++;
        }
        long t0 = System.nanoTime();
        int measured = 0;
        double seconds;
        do {
            fit(net, batches, windows, next++);
            measured++;
            seconds = (System.nanoTime() - t0) / 1e9;
        } while (measured < settings.rounds() && seconds < BUDGET_SECONDS);
        double perSecond = measured * (double) hp.batch() / seconds;

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
        f.put("peak_rss_mb", PeakMemory.peakRssMb());
        f.put("rss_mb", PeakMemory.rssMb());
        f.put("parameters", net.numParams());
        f.put("batches_measured", measured);
        f.put("warmup_batches", warmup);
        f.put("seconds", Math.round(seconds * 100) / 100.0);
        f.put("threads", EngineRuntime.threads());
        f.put("pieces", pieces.size());
        f.put("data", dir.toString());
        String summary = String.format(Locale.ROOT, "%s: %s LSTM %dx%d, seq %d, batch %d, %,d parameters: %.1f windows/s (%d batches in %.1f s after %d warm-up), peak RSS %.0f MB",
                name, preset.id(), hp.layers(), hp.hidden(), hp.seqLen(), hp.batch(), net.numParams(), perSecond, measured, seconds, warmup,
                PeakMemory.peakRssMb());
        return new BenchRecord("train", f, summary);
    }

    /** Fits minibatch number {@code index}, cycling through the shuffled windows. */
    private void fit(ComputationGraph net, WindowBatches batches, List<Window> windows, int index) {
        int perPass = windows.size() / hp.batch();
        int from = (index % perPass) * hp.batch();
        net.fit(batches.batch(windows.subList(from, from + hp.batch())));
    }
}
