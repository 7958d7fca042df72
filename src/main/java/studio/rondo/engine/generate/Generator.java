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
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.engine.model.HeadLoss;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.music.Meter;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.PitchRange;
import studio.rondo.music.TempoMap;

/**
 * Generates music with a trained network, for every preset: primes the network's state with the
 * primer (one batched call), then steps one event at a time, sampling each head and feeding the
 * sampled step back as the next input (the sampled pitch as a one-hot, never the softmax vector).
 *
 * <p>Categorical heads are sampled with {@link Sampling} ({@code <unk>} is never drawn, nor a class
 * sounding a pitch outside the request's pitch range: the draw is renormalised over the allowed
 * classes); real heads (step, duration, time delta, velocity) take the network's value, clamped
 * before it is fed back (steps up to the corpus's longest, durations up to its longest note,
 * velocity 1..127) and again by the encoding's decode. Polyphony is what the encoding can express:
 * chords as tokens, zero steps, or overlapping NOTE_ON/NOTE_OFF events.
 *
 * <p>After decoding, the generated notes are kept inside the corpus's time (no gap between onsets
 * longer than its longest step, no note longer than its longest one: 4 s and 8 s without a corpus
 * profile), cut to the length, given their {@link Dynamics}, placed after the primer in the primer's
 * tempo map and meter, and quantized if asked.
 *
 * <p>Cancelling is cooperative: the supplier is checked before every step and a
 * {@link CancellationException} is thrown (no partial result). Not thread-safe: one generation at a
 * time per generator (the step model holds the network's state).
 */
public final class Generator {
    private static final int PROGRESS_EVERY = 16;
    /** Longest step and note without a corpus profile. */
    static final double FALLBACK_STEP = 4, FALLBACK_DURATION = 8;

    private final StepModel model;
    private final Encoding encoding;
    private final InputLayout layout;
    private final List<StreamSpec> streams;
    private final boolean[][] unknownMasks; // per stream: <unk>, or null
    private final CorpusProfile profile;
    private final double maxStep, maxDuration;
    private final double[] spread; // per stream: Laplace scale for L1-trained real heads, or null

    /** A generator without a corpus profile: pitches on the piano, steps up to 4 s, notes up to 8 s. */
    public Generator(StepModel model, Encoding encoding) {
        this(model, encoding, null);
    }

    /** @param profile what the training corpus showed (pitch range, longest step and note, dynamics), or null */
    public Generator(StepModel model, Encoding encoding, CorpusProfile profile) {
        this(model, encoding, profile, null);
    }

    /** @param spread per stream, the Laplace scale an L1-trained real head is sampled with (see {@link #laplaceSpread}), or null */
    private Generator(StepModel model, Encoding encoding, CorpusProfile profile, double[] spread) {
        this.spread = spread;
        this.model = model;
        this.encoding = encoding;
        this.profile = profile;
        this.layout = InputLayout.of(encoding);
        this.streams = encoding.streams();
        if (model.inputFeatures() != layout.features())
            throw new IllegalArgumentException("the model takes " + model.inputFeatures() + " input features, encoding "
                    + encoding.name() + " gives " + layout.features());
        unknownMasks = new boolean[streams.size()][];
        var vocabularies = encoding.spec().vocabularies();
        for (int s = 0; s < streams.size(); s++) {
            List<String> tokens = vocabularies.get(streams.get(s).name());
            if (tokens == null) continue;
            int unk = tokens.indexOf(Vocabulary.UNKNOWN);
            if (unk >= 0 && tokens.size() > 1) {
                unknownMasks[s] = new boolean[tokens.size()];
                unknownMasks[s][unk] = true;
            }
        }
        maxStep = profile != null && profile.longestStep() > 0 ? profile.longestStep() : FALLBACK_STEP;
        maxDuration = profile != null && profile.longestDuration() > 0 ? profile.longestDuration() : FALLBACK_DURATION;
    }

    /** A generator over a loaded model, stepping with the batch-1 kernel where the network allows it. */
    public static Generator of(LoadedModel model) {
        EngineRuntime.start(); // thread settings before the first network call (no-op when started)
        return new Generator(KernelStepModel.fastest(model), model.encoding(), model.info().profile(), laplaceSpread(model));
    }

    /**
     * Per stream, the Laplace scale to sample an L1-trained real head with: its held-out mean absolute
     * error at the best epoch (0 for other heads, which keep their predicted value). The median an L1
     * head predicts is shorter than most gaps in expressive playing: taken as it is, music rushes.
     */
    static double[] laplaceSpread(LoadedModel model) {
        double[] out = new double[model.encoding().streams().size()];
        var history = model.info().history();
        int best = model.info().progress().bestEpoch();
        var metrics = best > 0 && best <= history.size() ? history.get(best - 1) : history.isEmpty() ? null : history.get(history.size() - 1);
        if (metrics == null || metrics.valHeadLoss() == null) return out;
        for (var h : model.heads()) {
            Double mae = metrics.valHeadLoss().get(h.spec().name());
            if (h.loss() == HeadLoss.L1 && mae != null && mae > 0) out[h.stream()] = mae;
        }
        return out;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The corpus profile the generator keeps to, or null. */
    public CorpusProfile profile() {
        return profile;
    }

    /** The model's training range on the piano (21..108 without a profile): the default pitch range. */
    public PitchRange modelRange() {
        return modelRange(profile);
    }

    /** The training range of a profile, kept on the piano; the piano without one. */
    public static PitchRange modelRange(CorpusProfile profile) {
        if (profile == null || profile.lowestPitch() > profile.highestPitch()) return PitchRange.PIANO;
        return new PitchRange(Math.max(0, profile.lowestPitch()), Math.min(127, profile.highestPitch())).onPiano();
    }

    public List<GenerationResult> generate(GenerationRequest request) {
        return generate(request, GenerationListener.NONE, () -> false);
    }

    /**
     * Generates {@code request.variations()} pieces, one after another, each from a fresh state.
     *
     * @param cancelled checked before every step; when it turns true a {@link CancellationException} is thrown
     * @throws IllegalArgumentException when no note the model knows lies in the pitch range, or the
     *                                  primer encodes to nothing
     */
    public List<GenerationResult> generate(GenerationRequest request, GenerationListener listener, BooleanSupplier cancelled) {
        GenerationListener l = listener == null ? GenerationListener.NONE : listener;
        PitchRange range = request.pitchRange() != null ? request.pitchRange().onPiano() : modelRange();
        boolean[][] masks = masks(range);
        List<Step> primerSteps = primerSteps(request.primer());
        Join join = join(request, primerSteps);
        List<GenerationResult> out = new ArrayList<>(request.variations());
        for (int v = 0; v < request.variations(); v++) out.add(variation(request, primerSteps, join, masks, v, l, cancelled));
        return out;
    }

    /** Per stream, the classes never drawn: {@code <unk>} and classes sounding pitches outside the range. */
    private boolean[][] masks(PitchRange range) {
        boolean[][] masks = new boolean[streams.size()][];
        for (int s = 0; s < streams.size(); s++) {
            boolean[] unk = unknownMasks[s];
            boolean[] outside = streams.get(s).categorical() ? encoding.outsidePitchRange(s, range.low(), range.high()) : null;
            if (outside == null) {
                masks[s] = unk;
                continue;
            }
            // Classes sounding any pitch at all: outside an empty range.
            boolean[] pitched = encoding.outsidePitchRange(s, 128, -1);
            boolean any = false;
            boolean[] m = outside.clone();
            for (int c = 0; c < m.length; c++) {
                if (unk != null && unk[c]) m[c] = true;
                if (!m[c] && pitched[c]) any = true;
            }
            if (!any) throw new IllegalArgumentException("no note the model knows lies in the pitch range " + range.describe());
            masks[s] = m;
        }
        return masks;
    }

    private List<Step> primerSteps(Primer primer) {
        if (primer.isEmpty()) return List.of(StartStep.of(encoding));
        List<Step> steps = encoding.encode(primer.piece()).steps();
        if (steps.isEmpty()) throw new IllegalArgumentException("the primer encodes to no steps for " + encoding.name());
        return steps;
    }

    /**
     * Where and how the continuation goes on.
     *
     * @param decodeMap   constant tempo in force at the join: generated steps are decoded with it
     * @param outMap      the output's tempo map
     * @param metadata    the output's time signatures
     * @param placeAt     seconds in the output where the generated part starts
     * @param barSeconds  one bar at the join
     * @param inBar       seconds from the bar line at or before the join to the join
     */
    private record Join(double bpm, TempoMap decodeMap, TempoMap outMap, PieceMetadata metadata, double placeAt,
                        double barSeconds, double inBar) {
    }

    private Join join(GenerationRequest req, List<Step> primerSteps) {
        Primer primer = req.primer();
        TempoMap map = primer.tempoMap();
        int res = map.resolution();
        List<TimeSignature> sigs = primer.timeSignatures();
        double joinSeconds = primer.isEmpty() ? 0 : new StepClock(encoding, primer.bpm()).end(primerSteps, map);
        long joinTick = map.tickAt(joinSeconds);
        int micros = map.microsPerQuarterAt(joinTick);
        TempoMap constant = new TempoMap(res, List.of(new TempoMap.Tempo(0, micros)));
        TimeSignature sig = Meter.at(sigs, joinTick);
        double secondsPerTick = micros / 1e6 / res;
        double barSeconds = Meter.barTicks(sig, res) * secondsPerTick;
        long barStart = Meter.barStart(sigs, res, joinTick);
        double inBar = (joinTick - barStart) * secondsPerTick;
        if (req.includePrimer() && !primer.isEmpty()) {
            List<TimeSignature> kept = new ArrayList<>();
            for (TimeSignature t : sigs) if (t.tick() <= joinTick) kept.add(t);
            if (kept.isEmpty() || kept.get(0).tick() > 0) kept.add(0, Meter.COMMON_TIME);
            return new Join(60_000_000.0 / micros, constant, map.slice(0, joinTick),
                    PieceMetadata.empty().withTimeSignatures(kept), joinSeconds, barSeconds, inBar);
        }
        return new Join(60_000_000.0 / micros, constant, constant,
                PieceMetadata.empty().withTimeSignatures(List.of(new TimeSignature(0, sig.numerator(), sig.denominator()))),
                inBar, barSeconds, inBar);
    }

    private GenerationResult variation(GenerationRequest req, List<Step> primerSteps, Join join, boolean[][] masks, int v,
                                       GenerationListener l, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        long seed = req.sampling().variationSeed(v);
        Sampler sampler = new Sampler(req.sampling(), seed);
        Primer primer = req.primer();
        StepClock clock = new StepClock(encoding, join.bpm());
        Length length = req.length().inSeconds(join.barSeconds(), join.inBar());

        float[][] inputs = new float[primerSteps.size()][layout.features()];
        for (int t = 0; t < inputs.length; t++) layout.write(primerSteps.get(t), inputs[t]);
        model.reset();
        float[][] heads = model.prime(inputs);
        long tSteps = System.nanoTime();

        List<Step> generated = new ArrayList<>();
        float[] input = new float[layout.features()];
        // Time as the output will have it: gaps between onsets count up to maxStep (see limitTime).
        double cursor = 0, sinceOnset = 0, now = 0;
        int notes = 0;
        boolean reached = false;
        while (generated.size() < length.maxEvents()) {
            if (cancelled.getAsBoolean()) throw new CancellationException("generation cancelled");
            Step s = sample(heads, sampler, masks);
            generated.add(s);
            sinceOnset += clock.advance(s);
            int started = clock.notes(s);
            if (started > 0) {
                cursor += Math.min(sinceOnset, maxStep);
                sinceOnset = 0;
            }
            notes += started;
            now = cursor + Math.min(sinceOnset, maxStep);
            if (length.reached(generated.size(), notes, now)) {
                reached = true;
                break;
            }
            if (generated.size() % PROGRESS_EVERY == 0) progress(l, req, v, generated.size(), length.fraction(generated.size(), notes, now));
            layout.write(s, input);
            heads = model.step(input);
        }

        double stepping = (System.nanoTime() - tSteps) / 1e9;
        DecodeContext ctx = new DecodeContext(join.decodeMap(), primer.velocity(), 0);
        List<Piece.TimedNote> decoded = limitTime(encoding.decode(generated, ctx), maxStep, maxDuration);
        List<Piece.TimedNote> shaped = req.dynamics().apply(trim(decoded, length), encoding.carriesVelocity(), primer, profile,
                join.barSeconds());
        List<Piece.TimedNote> placed = req.quantize().apply(shift(shaped, join.placeAt()), join.outMap());
        if (!req.quantize().off() && length.unit() == Length.Unit.SECONDS) // quantize may push the last onsets past the end
            placed = shift(trim(shift(placed, -join.placeAt()), length), join.placeAt());
        GenerationStats stats = GenerationStats.of(shift(placed, -join.placeAt()), join.barSeconds());
        boolean withPrimer = req.includePrimer() && !primer.isEmpty();
        List<Piece.TimedNote> all = placed;
        if (withPrimer) {
            all = new ArrayList<>(primer.notes());
            all.addAll(placed);
        }
        String name = primer.name() + (req.variations() > 1 ? "-" + (v + 1) : "");
        Piece piece = Piece.fromSeconds(name, all, join.outMap(), join.metadata());
        progress(l, req, v, generated.size(), 1);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new GenerationResult(piece, v, seed, stats, generated.size(), reached, elapsed, generated.size() / Math.max(stepping, 1e-9),
                join.placeAt(), withPrimer);
    }

    private static void progress(GenerationListener l, GenerationRequest req, int v, int events, double fraction) {
        l.onProgress(new GenerationListener.Progress(v, req.variations(), events, fraction, (v + fraction) / req.variations()));
    }

    /** One step from the head outputs: a draw per categorical head, a clamped value per real head. */
    private Step sample(float[][] heads, Sampler sampler, boolean[][] masks) {
        int n = streams.size();
        int[] classes = new int[n];
        float[] values = new float[n];
        for (int s = 0; s < n; s++) {
            if (streams.get(s).categorical()) classes[s] = sampler.sample(heads[s], masks[s]);
            else {
                float v = heads[s][0];
                if (spread != null && spread[s] > 0) v += (float) sampler.laplace(spread[s]);
                values[s] = clampReal(streams.get(s).name(), v);
            }
        }
        return new Step(classes, values);
    }

    /**
     * What a real head's value may be when fed back: the network saw only such values in training.
     * Velocity (velocity-aware, scaled by 1/127) stays in 1..127; steps and time deltas in 0..the
     * corpus's longest step, durations in 0..its longest note (FIX of the tf-tutorial: negative steps
     * made output "slower and slower" or stuck).
     */
    float clampReal(String stream, float v) {
        if (stream.equals("velocity")) return Float.isNaN(v) ? 64 / 127f : Math.max(1 / 127f, Math.min(1f, v));
        if (!(v > 0)) return 0;
        return (float) Math.min(v, stream.equals("duration") ? maxDuration : maxStep);
    }

    /**
     * Keeps decoded notes inside the corpus's time: a gap between successive onsets (or from the
     * join to the first onset) longer than {@code maxStep} is shortened to it, moving everything
     * after it earlier; notes longer than {@code maxDuration} are cut to it.
     */
    static List<Piece.TimedNote> limitTime(List<Piece.TimedNote> notes, double maxStep, double maxDuration) {
        List<Piece.TimedNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        List<Piece.TimedNote> out = new ArrayList<>(sorted.size());
        double removed = 0, previous = 0;
        for (Piece.TimedNote n : sorted) {
            double start = n.startSeconds() - removed;
            if (start - previous > maxStep) {
                removed += start - previous - maxStep;
                start = previous + maxStep;
            }
            previous = start;
            double duration = Math.min(n.endSeconds() - n.startSeconds(), maxDuration);
            out.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), start, start + duration));
        }
        return out;
    }

    private static List<Piece.TimedNote> shift(List<Piece.TimedNote> notes, double by) {
        if (by == 0) return notes;
        List<Piece.TimedNote> out = new ArrayList<>(notes.size());
        for (Piece.TimedNote n : notes) out.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), n.startSeconds() + by, n.endSeconds() + by));
        return out;
    }

    /** Keeps the notes the length asks for: the first N notes, or those starting before S (cut at S). */
    static List<Piece.TimedNote> trim(List<Piece.TimedNote> notes, Length length) {
        List<Piece.TimedNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        return switch (length.unit()) {
            case EVENTS -> sorted;
            case NOTES -> sorted.subList(0, Math.min(sorted.size(), (int) length.amount()));
            case SECONDS, BARS -> {
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
