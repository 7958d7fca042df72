package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.rondo.engine.eval.metrics.Feature;
import studio.rondo.engine.eval.metrics.FeatureComparison;
import studio.rondo.engine.eval.metrics.Originality;
import studio.rondo.engine.eval.metrics.OriginalityIndex;
import studio.rondo.engine.eval.metrics.PieceFeatures;
import studio.rondo.engine.eval.metrics.ReferenceSet;
import studio.rondo.engine.eval.metrics.SetComparison;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * `rondo metrics`: a generated set against a reference corpus, feature by feature (after Yang &amp;
 * Lerch 2018), and how much of each generated piece is found verbatim in the training pieces.
 */
@Command(name = "metrics", description = {
        "Judge generated music against a corpus: per feature (distinct pitches, range, intervals, density, inter-onset interval, "
                + "polyphony, scale consistency, pitch-class entropy, pitch-class and note-length histograms) the means, and how "
                + "far the generated pieces sit from the reference pieces compared with how far those sit from each other: "
                + "KL divergence (0 = the same) and overlapping area (1 = indistinguishable) of the two distance densities, "
                + "and the overlap of the raw values.",
        "Originality: per generated piece the longest run of notes whose intervals occur verbatim in a training piece "
                + "(transposition aside), which piece and where, and the share of its 8-note interval sequences found there."})
final class MetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, arity = "1..*", paramLabel = "DIR|FILE",
            description = "The corpus the generated pieces are measured against (MIDI files or folders).")
    List<Path> reference;

    @Option(names = "--generated", required = true, arity = "1..*", paramLabel = "DIR|FILE", description = "The pieces to judge.")
    List<Path> generated;

    @Option(names = "--training", arity = "1..*", paramLabel = "DIR|FILE",
            description = "The pieces the model learned from, for the originality check (default: the reference).")
    List<Path> training;

    @Option(names = "--exclude", paramLabel = "LIST", description = "A text file of pieces to leave out of the reference and the "
            + "training pieces, one path a line (relative to a given folder, as in assets/models/heldout.txt; # starts a comment).")
    Path exclude;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** A piece with the name reports give it (its path under the folder it was found in). */
    record Named(String label, Piece piece) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> excluded = exclude == null ? List.of() : excludeList(exclude);
        List<Named> ref = load("--reference", reference, excluded, err);
        if (ref.size() < 2) throw new BadInputException("--reference needs at least two pieces with notes, has " + ref.size());
        List<Named> gen = load("--generated", generated, List.of(), err);
        List<Named> train = training == null ? ref : load("--training", training, excluded, err);

        ReferenceSet refSet = ReferenceSet.of(ref.stream().map(n -> PieceFeatures.of(n.piece())).toList());
        List<PieceFeatures> genFeatures = gen.stream().map(n -> PieceFeatures.of(n.piece())).toList();
        SetComparison cmp = refSet.compare(genFeatures);

        long t0 = System.nanoTime();
        OriginalityIndex index = OriginalityIndex.build(train.stream().map(Named::piece).toList(), train.stream().map(Named::label).toList());
        long t1 = System.nanoTime();
        List<Originality> originality = new ArrayList<>();
        for (Named n : gen) originality.add(index.check(n.piece()));
        long t2 = System.nanoTime();
        for (int i = 0; i < gen.size(); i++) originality.set(i, originality.get(i).named(gen.get(i).label()));
        double buildMs = (t1 - t0) / 1e6, checkMs = (t2 - t1) / 1e6;

        if (json) out.println(json(ref, gen, train, cmp, genFeatures, originality, index, buildMs, checkMs, training == null));
        else text(out, ref, gen, cmp, originality, index, buildMs, checkMs, training == null);
        out.flush();
        return ExitCodes.OK;
    }

    // ---- reading

    private static List<String> excludeList(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new BadInputException("--exclude " + file + ": " + Format.ioReason(e, file), e);
        }
    }

    private static List<Named> load(String option, List<Path> inputs, List<String> excluded, PrintWriter err) {
        List<Named> out = new ArrayList<>();
        int files = 0;
        for (Path input : inputs) {
            List<Path> found;
            Path root;
            if (Files.isDirectory(input)) {
                try {
                    found = MidiImport.midiFilesUnder(input);
                } catch (IOException | RuntimeException e) {
                    throw new BadInputException(option + " " + input + ": cannot list the folder (" + e.getMessage() + ")", e);
                }
                root = input;
            } else {
                found = List.of(input);
                root = input.toAbsolutePath().getParent();
            }
            for (MidiImport.Result r : MidiImport.readAll(found, ReadOptions.DEFAULT)) {
                String label = label(root, r.file());
                if (excluded.stream().anyMatch(x -> label.equals(x) || label.endsWith("/" + x) || x.endsWith("/" + label))) continue;
                files++;
                if (!r.ok()) err.println("rondo: skipped " + r.error());
                else if (r.piece().notes().isEmpty()) err.println("rondo: skipped " + r.file() + ": no notes (drums, channel 10, are left out)");
                else out.add(new Named(label, r.piece()));
            }
        }
        err.flush();
        if (files == 0) throw new BadInputException(option + ": no .mid or .midi files found in " + inputs);
        if (out.isEmpty()) throw new BadInputException(option + ": none of the " + files + " MIDI files could be read");
        return out;
    }

    private static String label(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize(), r = root == null ? null : root.toAbsolutePath().normalize();
        Path rel = r != null && abs.startsWith(r) && !abs.equals(r) ? r.relativize(abs) : file.getFileName();
        return rel.toString().replace('\\', '/');
    }

    // ---- text

    private static void text(PrintWriter out, List<Named> ref, List<Named> gen, SetComparison cmp, List<Originality> originality,
                             OriginalityIndex index, double buildMs, double checkMs, boolean trainingIsReference) {
        out.printf(Locale.ROOT, "reference: %d pieces, %,d notes; generated: %d pieces, %,d notes%n", ref.size(), notes(ref), gen.size(), notes(gen));
        out.println();
        out.printf(Locale.ROOT, "%-30s %17s %17s %9s %9s %9s %6s %7s %7s%n", "feature", "reference", "generated", "intra-ref", "intra-gen",
                "inter", "KL", "overlap", "raw");
        for (FeatureComparison c : cmp.features()) {
            Feature f = c.feature();
            out.printf(Locale.ROOT, "%-30s %17s %17s %9s %9s %9s %6s %7s %7s%n", f.label() + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"),
                    meanSd(f, c.referenceMean(), c.referenceSd()), meanSd(f, c.generatedMean(), c.generatedSd()),
                    num(c.intraReference(), 3), num(c.intraGenerated(), 3), num(c.inter(), 3), num(c.kl(), 3), num(c.overlap(), 3),
                    num(c.rawOverlap(), 3));
        }
        out.printf(Locale.ROOT, "mean overlap %s, mean KL %s, mean raw overlap %s%n", num(cmp.meanOverlap(), 3), num(cmp.meanKl(), 3),
                num(cmp.meanRawOverlap(), 3));
        out.println("(overlap 1 and KL 0: a generated piece sits among the reference pieces as they sit among themselves)");
        out.println();
        out.printf(Locale.ROOT, "originality against the %s (%d pieces, %,d notes; index built in %.0f ms, %d pieces checked in %.1f ms):%n",
                trainingIsReference ? "reference pieces" : "training pieces", index.pieces(), index.notes(), buildMs, gen.size(), checkMs);
        double share = originality.stream().mapToDouble(Originality::shareFound).filter(Double::isFinite).average().orElse(Double.NaN);
        out.printf(Locale.ROOT, "  8-note interval sequences found in them: %s (mean over the pieces)%n", percent(share));
        Originality longest = originality.stream().max(Comparator.comparingInt(Originality::longestRun)).orElseThrow();
        if (longest.longestRun() == 0) out.println("  no run of " + OriginalityIndex.GRAM_NOTES + " notes or more copied");
        else out.printf(Locale.ROOT, "  longest copied run: %d notes in %s at %s, bar %d, from %s, bar %d (%s)%s%n", longest.longestRun(),
                longest.name(), Originality.clock(longest.startSeconds()), longest.startBar(), longest.source(), longest.sourceBar(),
                Originality.clock(longest.sourceSeconds()), longest.wholePieceCopied() ? ": the whole piece"
                        : longest.repeatedFigure() ? " (a " + longest.figure() + "-note figure repeated)" : "");
        for (Originality o : originality) {
            out.printf(Locale.ROOT, "  %s: %,d notes, sequences found %s, %s%n", o.name(), o.notes(), percent(o.shareFound()),
                    o.longestRun() == 0 ? o.describe()
                            : o.describe() + "; here at " + Originality.clock(o.startSeconds()) + ", bar " + o.startBar());
        }
    }

    private static String meanSd(Feature f, double mean, double sd) {
        if (f.isHistogram() || !Double.isFinite(mean)) return "-";
        return f.format(mean) + (Double.isFinite(sd) ? " ± " + f.format(sd) : "");
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "-";
    }

    private static long notes(List<Named> pieces) {
        return pieces.stream().mapToLong(n -> n.piece().notes().size()).sum();
    }

    // ---- JSON

    private static String json(List<Named> ref, List<Named> gen, List<Named> train, SetComparison cmp, List<PieceFeatures> genFeatures,
                               List<Originality> originality, OriginalityIndex index, double buildMs, double checkMs, boolean trainingIsReference) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.putObject("reference").put("pieces", ref.size()).put("notes", notes(ref));
        root.putObject("generated").put("pieces", gen.size()).put("notes", notes(gen));
        ArrayNode features = root.putArray("features");
        for (FeatureComparison c : cmp.features()) {
            ObjectNode n = features.addObject();
            n.put("feature", c.feature().id());
            n.put("label", c.feature().label());
            n.put("referencePieces", c.referenceCount());
            n.put("generatedPieces", c.generatedCount());
            if (c.feature().isHistogram()) {
                n.set("bins", mapper.valueToTree(c.feature().bins()));
                n.set("referenceHistogram", c.referenceHistogram() == null ? null : mapper.valueToTree(c.referenceHistogram()));
                n.set("generatedHistogram", c.generatedHistogram() == null ? null : mapper.valueToTree(c.generatedHistogram()));
            } else {
                put(n, "referenceMean", c.referenceMean());
                put(n, "referenceSd", c.referenceSd());
                put(n, "generatedMean", c.generatedMean());
                put(n, "generatedSd", c.generatedSd());
            }
            put(n, "intraReference", c.intraReference());
            put(n, "intraGenerated", c.intraGenerated());
            put(n, "inter", c.inter());
            put(n, "kl", c.kl());
            put(n, "overlap", c.overlap());
            put(n, "rawOverlap", c.rawOverlap());
        }
        put(root, "meanOverlap", cmp.meanOverlap());
        put(root, "meanKl", cmp.meanKl());
        put(root, "meanRawOverlap", cmp.meanRawOverlap());

        ObjectNode orig = root.putObject("originality");
        orig.put("trainingIsReference", trainingIsReference);
        orig.put("trainingPieces", train.size());
        orig.put("trainingNotes", index.notes());
        orig.put("sequenceNotes", OriginalityIndex.GRAM_NOTES);
        put(orig, "indexMillis", buildMs);
        put(orig, "checkMillis", checkMs);
        put(orig, "meanShareFound", originality.stream().mapToDouble(Originality::shareFound).filter(Double::isFinite).average().orElse(Double.NaN));
        orig.put("longestRun", originality.stream().mapToInt(Originality::longestRun).max().orElse(0));
        ArrayNode pieces = root.putArray("pieces");
        for (int i = 0; i < gen.size(); i++) {
            Originality o = originality.get(i);
            PieceFeatures pf = genFeatures.get(i);
            ObjectNode n = pieces.addObject();
            n.put("name", o.name());
            n.put("notes", o.notes());
            n.put("key", pf.key() == null ? null : pf.key().name());
            ObjectNode fv = n.putObject("features");
            for (Feature f : Feature.values()) {
                if (f.isHistogram()) fv.set(f.id(), pf.has(f) ? mapper.valueToTree(pf.vector(f)) : null);
                else put(fv, f.id(), pf.value(f));
            }
            put(n, "shareFound", o.shareFound());
            n.put("longestRun", o.longestRun());
            n.put("wholePieceCopied", o.wholePieceCopied());
            if (o.longestRun() > 0) n.put("figure", o.figure());
            if (o.longestRun() > 0) {
                n.put("source", o.source());
                put(n, "sourceSeconds", o.sourceSeconds());
                n.put("sourceBar", o.sourceBar());
                put(n, "startSeconds", o.startSeconds());
                n.put("startBar", o.startBar());
            }
        }
        return root.toString();
    }

    /** NaN and infinities become null (JSON has no NaN). */
    private static void put(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) n.put(field, v);
        else n.putNull(field);
    }
}
