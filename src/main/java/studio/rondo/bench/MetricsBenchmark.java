package studio.rondo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.rondo.engine.eval.metrics.CorpusReference;
import studio.rondo.engine.eval.metrics.OriginalityIndex;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * The Report's cost on the data folder, files already read: building the corpus's features and
 * interval index once (what the studio does once per corpus), judging a generation of 16 variations
 * of 200 notes against it (what runs after every generation; slices of corpus pieces, so every
 * sequence is found and every run extended, the slow case), and the originality check of every
 * piece of the folder against the index (each one a verbatim copy: the slowest case there is).
 */
public final class MetricsBenchmark implements Benchmark {
    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public String description() {
        return "corpus features and interval index, a 16-variation report, originality of every piece";
    }

    @Override
    public BenchRecord run(BenchSettings settings) throws IOException {
        Path dir = settings.dataDir();
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "no such data folder");
        List<Piece> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MidiImport.Result r : MidiImport.readAll(List.of(dir), ReadOptions.DEFAULT)) {
            if (!r.ok() || r.piece().notes().isEmpty()) continue;
            pieces.add(r.piece());
            names.add(dir.relativize(r.file()).toString());
        }
        if (pieces.size() < 2) throw new NoSuchFileException(dir.toString(), null, "fewer than two readable MIDI files in the data folder");
        long notes = pieces.stream().mapToLong(p -> p.notes().size()).sum();
        List<Piece> variations = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Piece p = pieces.get(i * pieces.size() / 16);
            variations.add(p.withNotes(p.notes().subList(0, Math.min(200, p.notes().size()))));
        }
        double[] from = new double[variations.size()];

        int rounds = settings.rounds(), warmup = settings.warmupRounds();
        long[] build = new long[rounds], judge = new long[rounds], every = new long[rounds], index = new long[rounds];
        CorpusReference ref = null;
        for (int i = -warmup; i < rounds; i++) {
            long t0 = System.nanoTime();
            ref = CorpusReference.of(pieces, names);
            long t1 = System.nanoTime();
            ref.judge(variations, from);
            long t2 = System.nanoTime();
            for (Piece p : pieces) ref.index().check(p);
            long t3 = System.nanoTime();
            OriginalityIndex.build(pieces, names);
            long t4 = System.nanoTime();
            if (i < 0) continue;
            build[i] = t1 - t0;
            judge[i] = t2 - t1;
            every[i] = t3 - t2;
            index[i] = t4 - t3;
        }
        Timings b = new Timings(build), j = new Timings(judge), e = new Timings(every), x = new Timings(index);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", dir.toString());
        figures.put("pieces", pieces.size());
        figures.put("notes", notes);
        figures.put("indexedSequences", ref.index().sequences());
        figures.put("corpusBuildBestSeconds", round(b.bestSeconds()));
        figures.put("corpusBuildMedianSeconds", round(b.medianSeconds()));
        figures.put("indexBuildBestSeconds", round(x.bestSeconds()));
        figures.put("indexBuildMedianSeconds", round(x.medianSeconds()));
        figures.put("reportBestSeconds", round(j.bestSeconds()));
        figures.put("reportMedianSeconds", round(j.medianSeconds()));
        figures.put("checkEveryPieceBestSeconds", round(e.bestSeconds()));
        figures.put("checkEveryPieceMedianSeconds", round(e.medianSeconds()));
        figures.put("warmupRounds", warmup);
        figures.put("rounds", rounds);
        figures.put("threads", 1);
        String summary = String.format(Locale.ROOT, "metrics: %d pieces, %,d notes: corpus features + index %.0f ms (index alone %.0f ms), "
                        + "report on 16 variations of 200 notes %.1f ms, originality of all %d pieces %.0f ms (best of %d after %d warm-up; "
                        + "medians %.0f / %.0f / %.1f / %.0f ms; 1 thread)", pieces.size(), notes, 1e3 * b.bestSeconds(), 1e3 * x.bestSeconds(),
                1e3 * j.bestSeconds(), pieces.size(), 1e3 * e.bestSeconds(), rounds, warmup, 1e3 * b.medianSeconds(), 1e3 * x.medianSeconds(),
                1e3 * j.medianSeconds(), 1e3 * e.medianSeconds());
        return new BenchRecord("metrics", figures, summary);
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
