package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.DecodeContext;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.Step;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.Vocabulary;
import studio.rondo.engine.model.LoadedModel;
import studio.rondo.music.Piece;

/**
 * Generates music with a trained network, for every preset: primes the network's state with the
 * primer (one batched call), then steps one event at a time, sampling each head and feeding the
 * sampled step back as the next input (the sampled pitch as a one-hot, never the softmax vector).
 *
 * <p>Categorical heads are sampled with {@link Sampling} ({@code <unk>} is never drawn); real heads
 * (step, duration, time delta, velocity) take the network's value, clamped before it is fed back
 * (times 0..30 s, velocity 1..127) and again by the encoding's decode (no negative times, notes at
 * least 10 ms long). Polyphony is what the encoding can express: chords as tokens, zero steps, or
 * overlapping NOTE_ON/NOTE_OFF events.
 *
 * <p>Cancelling is cooperative: the supplier is checked before every step and a
 * {@link CancellationException} is thrown (no partial result). Not thread-safe: one generation at a
 * time per generator (the step model holds the network's state).
 */
public final class Generator {
    private static final int PROGRESS_EVERY = 16;

    private final StepModel model;
    private final Encoding encoding;
    private final InputLayout layout;
    private final List<StreamSpec> streams;
    private final boolean[][] masks; // per stream: classes never drawn, or null

    public Generator(StepModel model, Encoding encoding) {
        this.model = model;
        this.encoding = encoding;
        this.layout = InputLayout.of(encoding);
        this.streams = encoding.streams();
        if (model.inputFeatures() != layout.features())
            throw new IllegalArgumentException("the model takes " + model.inputFeatures() + " input features, encoding "
                    + encoding.name() + " gives " + layout.features());
        masks = new boolean[streams.size()][];
        var vocabularies = encoding.spec().vocabularies();
        for (int s = 0; s < streams.size(); s++) {
            List<String> tokens = vocabularies.get(streams.get(s).name());
            if (tokens == null) continue;
            int unk = tokens.indexOf(Vocabulary.UNKNOWN);
            if (unk >= 0 && tokens.size() > 1) {
                masks[s] = new boolean[tokens.size()];
                masks[s][unk] = true;
            }
        }
    }

    /** A generator over a loaded model, stepping with the batch-1 kernel where the network allows it. */
    public static Generator of(LoadedModel model) {
        EngineRuntime.start(); // thread settings before the first network call (no-op when started)
        return new Generator(KernelStepModel.fastest(model), model.encoding());
    }

    public Encoding encoding() {
        return encoding;
    }

    public List<GenerationResult> generate(GenerationRequest request) {
        return generate(request, GenerationListener.NONE, () -> false);
    }

    /**
     * Generates {@code request.variations()} pieces, one after another, each from a fresh state.
     *
     * @param cancelled checked before every step; when it turns true a {@link CancellationException} is thrown
     */
    public List<GenerationResult> generate(GenerationRequest request, GenerationListener listener, BooleanSupplier cancelled) {
        GenerationListener l = listener == null ? GenerationListener.NONE : listener;
        List<Step> primerSteps = primerSteps(request.primer());
        List<GenerationResult> out = new ArrayList<>(request.variations());
        for (int v = 0; v < request.variations(); v++) out.add(variation(request, primerSteps, v, l, cancelled));
        return out;
    }

    private List<Step> primerSteps(Primer primer) {
        if (primer.isEmpty()) return List.of(StartStep.of(encoding));
        List<Step> steps = encoding.encode(primer.piece()).steps();
        if (steps.isEmpty()) throw new IllegalArgumentException("the primer encodes to no steps for " + encoding.name());
        return steps;
    }

    private GenerationResult variation(GenerationRequest req, List<Step> primerSteps, int v, GenerationListener l, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        long seed = req.sampling().variationSeed(v);
        Sampler sampler = new Sampler(req.sampling(), seed);
        Primer primer = req.primer();
        StepClock clock = new StepClock(encoding, primer.bpm());
        Length length = req.length();

        float[][] inputs = new float[primerSteps.size()][layout.features()];
        for (int t = 0; t < inputs.length; t++) layout.write(primerSteps.get(t), inputs[t]);
        model.reset();
        float[][] heads = model.prime(inputs);
        long tSteps = System.nanoTime();

        List<Step> generated = new ArrayList<>();
        float[] input = new float[layout.features()];
        double cursor = 0;
        int notes = 0;
        boolean reached = false;
        while (generated.size() < length.maxEvents()) {
            if (cancelled.getAsBoolean()) throw new CancellationException("generation cancelled");
            Step s = sample(heads, sampler);
            generated.add(s);
            cursor += clock.advance(s);
            notes += clock.notes(s);
            if (length.reached(generated.size(), notes, cursor)) {
                reached = true;
                break;
            }
            if (generated.size() % PROGRESS_EVERY == 0) progress(l, req, v, generated.size(), length.fraction(generated.size(), notes, cursor));
            layout.write(s, input);
            heads = model.step(input);
        }

        double stepping = (System.nanoTime() - tSteps) / 1e9;
        DecodeContext ctx = new DecodeContext(primer.tempoMap(), primer.velocity(), 0);
        List<Piece.TimedNote> notesOut = trim(encoding.decode(generated, ctx), length);
        GenerationStats stats = GenerationStats.of(notesOut);
        List<Piece.TimedNote> all = notesOut;
        if (req.includePrimer() && !primer.isEmpty()) {
            double offset = 0; // where the primer leaves the time cursor: generated times count from there
            for (Step p : primerSteps) offset += clock.advance(p);
            all = new ArrayList<>(primer.notes());
            for (Piece.TimedNote n : notesOut)
                all.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), n.startSeconds() + offset, n.endSeconds() + offset));
        }
        String name = primer.name() + (req.variations() > 1 ? "-" + (v + 1) : "");
        Piece piece = Piece.fromSeconds(name, all, primer.tempoMap());
        progress(l, req, v, generated.size(), 1);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new GenerationResult(piece, v, seed, stats, generated.size(), reached, elapsed, generated.size() / Math.max(stepping, 1e-9));
    }

    private static void progress(GenerationListener l, GenerationRequest req, int v, int events, double fraction) {
        l.onProgress(new GenerationListener.Progress(v, req.variations(), events, fraction, (v + fraction) / req.variations()));
    }

    /** One step from the head outputs: a draw per categorical head, a clamped value per real head. */
    private Step sample(float[][] heads, Sampler sampler) {
        int n = streams.size();
        int[] classes = new int[n];
        float[] values = new float[n];
        for (int s = 0; s < n; s++) {
            if (streams.get(s).categorical()) classes[s] = sampler.sample(heads[s], masks[s]);
            else values[s] = clampReal(streams.get(s).name(), heads[s][0]);
        }
        return new Step(classes, values);
    }

    /**
     * What a real head's value may be when fed back: the network saw only such values in training.
     * Velocity (velocity-aware, scaled by 1/127) stays in 1..127; times in 0..30 s (FIX of the
     * tf-tutorial: negative steps made output "slower and slower" or stuck).
     */
    static float clampReal(String stream, float v) {
        if (stream.equals("velocity")) return Float.isNaN(v) ? 64 / 127f : Math.max(1 / 127f, Math.min(1f, v));
        if (!(v > 0)) return 0;
        return Math.min(v, 30f);
    }

    /** Keeps the notes the length asks for: the first N notes, or those starting before S (cut at S). */
    static List<Piece.TimedNote> trim(List<Piece.TimedNote> notes, Length length) {
        List<Piece.TimedNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        return switch (length.unit()) {
            case EVENTS -> sorted;
            case NOTES -> sorted.subList(0, Math.min(sorted.size(), (int) length.amount()));
            case SECONDS -> {
                double end = length.amount();
                List<Piece.TimedNote> kept = new ArrayList<>();
                for (Piece.TimedNote n : sorted) {
                    if (n.startSeconds() + 0.01 > end) continue; // would be shorter than the decoders' 10 ms minimum
                    kept.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), n.startSeconds(), Math.min(n.endSeconds(), end)));
                }
                yield kept;
            }
        };
    }
}
