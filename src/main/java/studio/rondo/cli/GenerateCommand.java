package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import studio.rondo.app.SettingsStore;
import studio.rondo.sound.SoundFontException;
import studio.rondo.sound.SoundService;
import studio.rondo.sound.WavRenderer;
import picocli.CommandLine.Spec;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.generate.Dynamics;
import studio.rondo.engine.generate.GenerationRequest;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.generate.Generator;
import studio.rondo.engine.generate.Length;
import studio.rondo.engine.generate.Primer;
import studio.rondo.engine.generate.Quantize;
import studio.rondo.engine.generate.Sampling;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Meter;
import studio.rondo.music.Piece;
import studio.rondo.music.PitchRange;

/** `rondo generate`: continues a primer (or starts from nothing) with a trained model and writes MIDI files. */
@Command(name = "generate", description = {"Generate MIDI with a trained model (one file per variation).",
        "Notes stay on the piano and by default in the model's training range; steps and notes no longer than the training "
                + "pieces show. The result keeps the primer's tempo and time signature where it ends (with --include-primer its "
                + "whole tempo map and meter). Each result is described by its key, notes per bar, pitch range, longest "
                + "repeated pitch and share of silence."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE|NAME",
            description = "Model file (.zip) written by train, or a bundled model's name (see `rondo models`: piano, expressive).")
    String modelArgument;

    Path model;

    @Option(names = "--primer", paramLabel = "FILE", description = "MIDI file whose first notes the model continues (default: none).")
    Path primer;

    @Option(names = "--primer-notes", paramLabel = "N", description = "Notes of the primer file to use (default: ${DEFAULT-VALUE}).")
    int primerNotes = 50;

    @Option(names = "--length", paramLabel = "N", description = "Notes to generate (default: " + DEFAULT_LENGTH + ").")
    Integer length;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds to generate instead of a number of notes.")
    Double seconds;

    @Option(names = "--bars", paramLabel = "N", description = "Bars to generate instead of a number of notes, at the meter and tempo "
            + "where the primer ends (4/4 at 120 bpm without one); the result ends on a bar line.")
    Integer bars;

    @Option(names = "--pitch-range", paramLabel = "LOW-HIGH", description = "Pitches the generated notes may have, as note names or "
            + "MIDI numbers: A0-C8, C2-G6, 21-108 (default: the range of the model's training pieces; A0-C8 for older models).")
    String pitchRange;

    @Option(names = "--dynamics", paramLabel = "LEVEL", description = "primer (default): the model's own velocities where the preset "
            + "models them (velocity-aware, performance), else the primer's level and spread; or pp, p, mp, mf, f, ff "
            + "(velocity 33 49 64 80 96 112, shaped in phrases with small variation).")
    String dynamics = "primer";

    @Option(names = "--quantize", paramLabel = "GRID", description = "Move the generated onsets towards a grid: 1/8, 1/16, 1/8T, 1/16T "
            + "(triplets), counted from the bar lines of the result (default: off).")
    String quantize;

    @Option(names = "--quantize-strength", paramLabel = "PCT", description = "How far onsets move to the --quantize grid, 0..100 %% "
            + "(default: ${DEFAULT-VALUE}).")
    int quantizeStrength = 100;

    @Option(names = "--temperature", paramLabel = "T", description = "0 = always the most likely, 1 = as learned, >1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature = 1.0;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the K most likely only (0 = off, default).")
    int topK = 0;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling: the most likely classes up to probability P (default: ${DEFAULT-VALUE} = off).")
    double topP = 1.0;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for reproducible output (default: random, printed).")
    Long seed;

    @Option(names = "--variations", paramLabel = "N", description = "Pieces to generate, each with its own seed (default: ${DEFAULT-VALUE}).")
    int variations = 1;

    @Option(names = "--include-primer", description = "Put the primer's notes before the generated ones.")
    boolean includePrimer;

    @Option(names = "--out", required = true, paramLabel = "FILE.mid|DIR",
            description = "Output file, or a folder for NAME-1.mid, NAME-2.mid, ... (FILE.mid with variations gives FILE-1.mid, ...).")
    Path out;

    @Option(names = "--wav", description = "Also render each result to a .wav beside its .mid (44.1 kHz stereo).")
    boolean wav;

    @Option(names = "--no-normalize", description = "With --wav: keep the synthesizer's level (default: the loudest peak at -1 dBFS).")
    boolean noNormalize;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "SoundFont for --wav (default: the one chosen in the studio, else the built-in sounds).")
    Path soundFontFile;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    @Option(names = "--json", description = "Print a JSON array, one object per generated file.")
    boolean json;

    static final int DEFAULT_LENGTH = 200;

    @Override
    public Integer call() throws Exception {
        if ((length != null ? 1 : 0) + (seconds != null ? 1 : 0) + (bars != null ? 1 : 0) > 1)
            throw usage("--length, --seconds and --bars exclude each other");
        if (quantize == null && spec.commandLine().getParseResult().hasMatchedOption("--quantize-strength"))
            throw usage("--quantize-strength needs --quantize GRID");
        GenerationRequest request = request(Primer.none()); // settings first: usage errors before any file is read
        Primer p = primer();
        request = request(p);
        List<Path> files = outputs(p.name());
        if (!force) {
            for (Path f : files) {
                if (Files.exists(f)) throw new BadInputException(f + " exists; use --force to overwrite");
                if (wav && Files.exists(wavOf(f))) throw new BadInputException(wavOf(f) + " exists; use --force to overwrite");
            }
        }
        WavRenderer renderer = wav ? renderer() : null; // a bad SoundFont fails before the work, not after
        model = ModelArgument.resolve(modelArgument);
        EngineRuntime.start();
        LoadedModel m;
        try {
            m = ModelStore.load(model);
        } catch (ModelFileException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<GenerationResult> results;
        try {
            results = Generator.of(m).generate(request);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot generate with " + model + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode arr = mapper.createArrayNode();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult r = results.get(i);
            Path f = files.get(i);
            if (f.getParent() != null) Files.createDirectories(f.getParent());
            MidiWriter.write(r.piece(), f);
            if (renderer != null) renderer.render(MidiWriter.toSequence(r.piece()), wavOf(f), (done, total) -> { }, () -> false);
            if (json) describe(arr.addObject(), f, r);
            else o.println(line(f, r) + (renderer != null ? " (+ " + wavOf(f).getFileName() + ")" : ""));
        }
        if (json) o.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        o.flush();
        return ExitCodes.OK;
    }

    private static Path wavOf(Path midi) {
        String name = midi.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
        return midi.resolveSibling(name + ".wav");
    }

    /** An explicit --soundfont must load; a remembered one that no longer does gives the built-in sounds, with a warning. */
    private WavRenderer renderer() {
        SoundService sounds = new SoundService(SettingsStore.standard());
        PrintWriter err = spec.commandLine().getErr();
        try {
            WavRenderer r = soundFontFile != null ? sounds.renderer(soundFontFile) : sounds.renderer(problem -> err.println("rondo: " + problem));
            err.flush();
            return r.normalizing(!noNormalize);
        } catch (SoundFontException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private GenerationRequest request(Primer p) {
        PitchRange range = pitchRange == null ? null : value("--pitch-range", () -> PitchRange.parse(pitchRange));
        Dynamics dyn = value("--dynamics", () -> Dynamics.parse(dynamics));
        Quantize q = quantize == null ? Quantize.OFF : value("--quantize", () -> Quantize.parse(quantize));
        if (quantize != null) {
            if (!(quantizeStrength >= 0 && quantizeStrength <= 100))
                throw new BadInputException("--quantize-strength must be 0..100: " + quantizeStrength);
            q = q.withStrength(quantizeStrength / 100.0);
        }
        Length len = length();
        try {
            if (seed == null) seed = new java.util.SplittableRandom().nextLong() >>> 16; // random, short enough to retype
            long s = seed;
            return new GenerationRequest(p, len, new Sampling(temperature, topK, topP, s), variations, includePrimer, range, dyn, q);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The length asked for: more than one request may generate is bad input (exit 3), a length that is not positive a usage error. */
    private Length length() {
        String option = seconds != null ? "--seconds" : bars != null ? "--bars" : "--length";
        try {
            return seconds != null ? Length.seconds(seconds) : bars != null ? Length.bars(bars)
                    : Length.notes(length != null ? length : DEFAULT_LENGTH);
        } catch (Length.TooLongException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw usage(m.startsWith("length ") ? option + m.substring("length".length()) : option + ": " + m);
        }
    }

    /** A parsed option value; a bad one is bad input naming the option. */
    private static <T> T value(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }

    private Primer primer() {
        if (primer == null) return Primer.none();
        if (primerNotes < 1) throw usage("--primer-notes must be 1 or more");
        Piece piece;
        try {
            piece = MidiReader.read(primer);
        } catch (IOException e) {
            throw new BadInputException("primer " + primer + ": " + Format.ioReason(e, primer), e);
        }
        try {
            return Primer.firstNotes(piece, primerNotes);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("primer " + primer + ": " + e.getMessage(), e);
        }
    }

    /** The file of each variation. */
    private List<Path> outputs(String name) {
        String file = out.getFileName() == null ? "" : out.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        boolean isMidi = !Files.isDirectory(out) && (lower.endsWith(".mid") || lower.endsWith(".midi"));
        List<Path> files = new ArrayList<>();
        if (isMidi && variations == 1) return List.of(out);
        for (int i = 1; i <= variations; i++) {
            if (isMidi) {
                int dot = file.lastIndexOf('.');
                files.add(out.resolveSibling(file.substring(0, dot) + "-" + i + file.substring(dot)));
            } else {
                files.add(out.resolve(variations == 1 ? name + ".mid" : name + "-" + i + ".mid"));
            }
        }
        return files;
    }

    private static String line(Path f, GenerationResult r) {
        var s = r.stats();
        return String.format(Locale.ROOT, "%s: %d notes, %.1f s, seed %d, %s, %.1f notes/bar, range %s, longest repeat %d, silence %.0f%%, "
                        + "%.0f events/s%s",
                f, r.piece().notes().size(), r.piece().durationSeconds(), r.seed(), s.key() == null ? "no key" : s.key(), s.notesPerBar(),
                s.pitchRange().isEmpty() ? "-" : s.pitchRange(), s.longestRepeat(), 100 * s.silenceFraction(),
                r.eventsPerSecond(), r.lengthReached() ? "" : " (stopped at the event limit before the length was reached)");
    }

    private static void describe(ObjectNode o, Path f, GenerationResult r) {
        o.put("file", f.toString());
        o.put("variation", r.variation() + 1);
        o.put("seed", r.seed());
        o.put("notes", r.piece().notes().size());
        o.put("seconds", round(r.piece().durationSeconds()));
        o.put("generatedNotes", r.stats().notes());
        o.put("events", r.events());
        o.put("lengthReached", r.lengthReached());
        o.put("longestRepeat", r.stats().longestRepeat());
        o.put("silenceFraction", round(r.stats().silenceFraction()));
        if (r.stats().key() != null) o.put("key", r.stats().key()); else o.putNull("key");
        o.put("notesPerBar", round(r.stats().notesPerBar()));
        if (r.stats().lowestPitch() >= 0) {
            o.put("pitchRange", r.stats().pitchRange());
            o.put("lowestPitch", r.stats().lowestPitch());
            o.put("highestPitch", r.stats().highestPitch());
        }
        var map = r.piece().tempoMap();
        long join = map.tickAt(r.joinSeconds());
        var sig = Meter.at(r.piece().metadata().timeSignatures(), join);
        o.put("joinSeconds", round(r.joinSeconds()));
        o.put("tempoAtJoin", round(map.bpmAt(join)));
        o.put("timeSignatureAtJoin", Meter.name(sig));
        o.put("elapsedSeconds", round(r.elapsedSeconds()));
        o.put("eventsPerSecond", Math.round(r.eventsPerSecond()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
