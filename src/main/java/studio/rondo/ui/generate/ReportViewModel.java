package studio.rondo.ui.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.application.Platform;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.dataset.Corpus;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.engine.eval.metrics.CorpusReference;
import studio.rondo.engine.eval.metrics.Originality;
import studio.rondo.engine.eval.metrics.PieceFeatures;
import studio.rondo.engine.eval.metrics.SetComparison;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.music.Piece;

/**
 * The Report beside the generated variations: each variation's features against the corpus of the
 * Dataset workspace, its key, how much of it is found verbatim in the corpus, and the whole set of
 * variations against the corpus. The corpus's features and index are built once per corpus (its
 * fingerprint) and kept; everything runs off the FX thread.
 */
public final class ReportViewModel {
    /**
     * A copied run this long (notes) or longer is a warning, unless it is one short figure repeated: no
     * piece held out of the bundled models shares a run so long with the rest of piano-midi.de (their
     * longest that are not a figure repeated have 26 notes; README, "Judging the music").
     */
    public static final int WARN_RUN = 32;

    /** One variation's part of the report. */
    public record VariationReport(GenerationResult result, PieceFeatures features, Originality originality) {
        /** A long run copied from one corpus piece that is more than a short figure repeated. */
        public boolean warning() {
            return originality.longestRun() >= WARN_RUN && !originality.repeatedFigure();
        }
    }

    /**
     * @param corpusPieces pieces in the corpus compared against
     * @param corpusNotes  their notes
     * @param reference    the corpus's features and index
     * @param variations   one per generated variation, in order
     * @param set          all variations against the corpus
     * @param millis       judging time (corpus already built), ms
     */
    public record Report(int corpusPieces, long corpusNotes, CorpusReference reference, List<VariationReport> variations, SetComparison set,
                         double millis) {
        public VariationReport of(GenerationResult r) {
            return variations.stream().filter(v -> v.result() == r).findFirst().orElse(null);
        }
    }

    private final ReadOnlyObjectWrapper<Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("The report appears here after a generation.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final Executor executor;
    private volatile Supplier<Corpus> corpus = () -> null;
    private final Object cacheLock = new Object();
    private String cachedKey;
    private CorpusReference cached;
    private long generation;

    public ReportViewModel(Executor executor) {
        this.executor = executor;
    }

    /** The corpus to compare with (the Dataset workspace's); null or an empty corpus: no report. */
    public void setCorpus(Supplier<Corpus> corpus) {
        this.corpus = corpus == null ? () -> null : corpus;
    }

    public ReadOnlyObjectProperty<Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Measures these results against the corpus in the background; the report replaces the previous one. */
    public void measure(List<GenerationResult> results) {
        long mine = ++generation;
        report.set(null);
        Corpus c = corpus.get();
        if (results.isEmpty()) return;
        if (c == null || c.entries().stream().filter(CorpusEntry::ok).count() < 2) {
            status.set("Add at least two pieces in the Dataset workspace to compare the variations with them.");
            return;
        }
        busy.set(true);
        status.set("Measuring the variations against the corpus…");
        List<GenerationResult> copy = List.copyOf(results);
        BackgroundTask.of(p -> {
            CorpusReference ref = reference(c);
            List<Piece> pieces = copy.stream().map(ReportViewModel::generatedPart).toList();
            double[] from = new double[pieces.size()];
            CorpusReference.Judgement j = ref.judge(pieces, from);
            List<VariationReport> vs = new ArrayList<>();
            for (int i = 0; i < copy.size(); i++) vs.add(new VariationReport(copy.get(i), j.features().get(i), j.originality().get(i)));
            return new Report(ref.pieces(), ref.notes(), ref, vs, j.set(), j.millis());
        }).onSuccess(r -> {
            if (mine != generation) return; // a newer generation's report is on its way
            busy.set(false);
            report.set(r);
            status.set(String.format(Locale.ROOT, "Against the %d pieces of the Dataset workspace (%,d notes).", r.corpusPieces(),
                    r.corpusNotes()));
        }).onFailure(ex -> {
            if (mine != generation) return;
            busy.set(false);
            status.set("The report could not be made: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
        }).start(executor, Platform::runLater);
    }

    /** The corpus's features and index, built on the first report and again only when the corpus changed. */
    private CorpusReference reference(Corpus c) {
        String key = c.fingerprint();
        synchronized (cacheLock) {
            if (key.equals(cachedKey)) return cached;
        }
        List<Piece> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (CorpusEntry e : c.entries()) {
            if (!e.ok()) continue;
            try {
                Piece p = c.load(e);
                if (p.notes().isEmpty()) continue;
                pieces.add(p);
                names.add(label(e.file()));
            } catch (IOException | UncheckedIOException ex) {
                // a file that went away since the scan: the Dataset workspace shows it; the rest still count
            }
        }
        if (pieces.size() < 2) throw new IllegalStateException("fewer than two pieces of the corpus can be read");
        CorpusReference built = CorpusReference.of(pieces, names);
        synchronized (cacheLock) {
            cachedKey = key;
            cached = built;
        }
        return built;
    }

    /**
     * The generated notes of a result, at their places in it: with the primer kept, the last
     * {@code stats().notes()} notes (the primer's last chord starts where the generated part does, so
     * a cut by time would count it as generated).
     */
    static Piece generatedPart(GenerationResult r) {
        if (!r.primerIncluded()) return r.piece();
        List<studio.rondo.music.Note> all = r.piece().notes();
        int n = Math.min(all.size(), r.stats().notes());
        return r.piece().withNotes(all.subList(all.size() - n, all.size()));
    }

    /** "mozart/mz_545_1.mid": the folder tells the composer in most corpora. */
    static String label(Path file) {
        Path parent = file.getParent();
        return (parent != null && parent.getFileName() != null ? parent.getFileName() + "/" : "") + file.getFileName();
    }

    // ---- words

    /** "Longest copied run: 12 notes from mozart/mz_545_1.mid, bar 6 (0:10.5)." */
    public static String originalityLine(Originality o) {
        String line = o.describe();
        return Character.toUpperCase(line.charAt(0)) + line.substring(1) + ".";
    }

    /** "9 % of its 8-note interval sequences occur in the corpus." */
    public static String sharedLine(Originality o) {
        if (o.sequences() == 0) return "Too short to look for 8-note sequences.";
        return String.format(Locale.ROOT, "%.0f %% of its 8-note interval sequences occur somewhere in the corpus.", 100 * o.shareFound());
    }

    /**
     * The mean overlap in words. For scale (README): piano-midi.de's held-out pieces against the rest
     * 0.96, two halves of the Mozart set 0.86, the bundled piano model's output 0.86, random notes
     * against the Mozart set 0.17.
     */
    public static String overlapWords(double overlap) {
        if (!Double.isFinite(overlap)) return "not measurable";
        if (overlap >= 0.9) return "as close to the corpus as its own pieces are";
        if (overlap >= 0.75) return "close to the corpus in most respects";
        if (overlap >= 0.5) return "unlike the corpus in several respects";
        return "far from the corpus (random notes score about 0.2)";
    }
}
