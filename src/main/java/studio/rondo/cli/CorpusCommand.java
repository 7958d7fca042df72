package studio.rondo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.dataset.Corpus;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.dataset.CorpusManifest;
import studio.rondo.dataset.CorpusTotals;
import studio.rondo.dataset.ProgressListener;
import studio.rondo.dataset.ScanResult;
import studio.rondo.midi.ReadOptions;

/** `rondo corpus DIR|FILE... [--save FILE]`: scan a training corpus, print its totals and split, save it. */
@Command(name = "corpus", description = "Scan MIDI files and folders as a training corpus: totals, split, unreadable files.")
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "MIDI files or folders (searched recursively).")
    List<Path> inputs;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of pieces held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the corpus manifest (JSON) to this file.")
    Path save;

    @Option(names = "--drums", description = "Keep drum notes (channel 10), skipped by default.")
    boolean drums;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(validation >= 0 && validation < 1)) throw new BadInputException("--validation must be in [0, 1), was " + validation);
        Corpus corpus = new Corpus(ReadOptions.DEFAULT.withKeepDrums(drums));
        ScanResult scan = corpus.add(inputs, ProgressListener.NONE, e -> { }, CancellationToken.none());
        corpus.resplit(validation, seed);
        for (CorpusEntry e : corpus.entries()) {
            if (!e.ok()) err.println("rondo: skipped " + e.file() + ": " + e.problem());
        }
        CorpusTotals t = corpus.totals();
        out.printf(Locale.ROOT, "%d pieces, %,d notes, %.2f hours (%d skipped)%n", t.pieces(), t.notes(), t.hours(), t.problems());
        out.printf(Locale.ROOT, "split: %d train, %d validation (fraction %.2f, seed %d)%n",
                t.trainPieces(), t.validationPieces(), validation, seed);
        out.printf(Locale.ROOT, "scanned in %.2f s%n", scan.elapsed().toNanos() / 1e9);
        if (save != null) {
            CorpusManifest.save(corpus, save);
            out.println("saved " + save.toAbsolutePath());
        }
        out.flush();
        err.flush();
        if (t.pieces() == 0) throw new BadInputException("no readable MIDI files in " + inputs);
        return t.problems() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
