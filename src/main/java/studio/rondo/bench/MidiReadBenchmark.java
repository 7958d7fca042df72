package studio.rondo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.rondo.midi.MidiFormatException;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.ReadOptions;

/**
 * Reads every MIDI file of the data folder on one thread, from path to {@code Piece} (file read,
 * parse, tempo map, notes in seconds), as an import does. The files are in the OS cache after the
 * warm-up, so this measures the reader rather than the disk.
 */
public final class MidiReadBenchmark implements Benchmark {
    @Override
    public String name() {
        return "midi";
    }

    @Override
    public String description() {
        return "read all MIDI files of the data folder on one thread";
    }

    @Override
    public BenchRecord run(BenchSettings settings) throws IOException {
        Path dir = settings.dataDir();
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "no such data folder");
        List<Path> files = MidiImport.midiFilesUnder(dir);
        if (files.isEmpty()) throw new NoSuchFileException(dir.toString(), null, "no .mid or .midi files in the data folder");
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);

        Pass pass = null;
        for (int i = 0; i < settings.warmupRounds(); i++) pass = readAll(files);
        long[] nanos = new long[settings.rounds()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            pass = readAll(files);
            nanos[i] = System.nanoTime() - t0;
        }
        Timings t = new Timings(nanos);
        double mb = bytes / 1e6;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", dir.toString());
        figures.put("files", files.size());
        figures.put("badFiles", pass.badFiles);
        figures.put("notes", pass.notes);
        figures.put("megabytes", round(mb, 3));
        figures.put("warmupRounds", settings.warmupRounds());
        figures.put("rounds", settings.rounds());
        figures.put("bestSeconds", round(t.bestSeconds(), 4));
        figures.put("medianSeconds", round(t.medianSeconds(), 4));
        figures.put("megabytesPerSecond", round(mb / t.bestSeconds(), 2));
        figures.put("threads", 1);
        String summary = String.format(Locale.ROOT,
                "midi_read: %d files (%d bad), %d notes, %.2f MB: best %.3f s, median %.3f s, %.1f MB/s (1 thread, %d rounds after %d warm-up)",
                files.size(), pass.badFiles, pass.notes, mb, t.bestSeconds(), t.medianSeconds(), mb / t.bestSeconds(),
                settings.rounds(), settings.warmupRounds());
        return new BenchRecord("midi_read", figures, summary);
    }

    private record Pass(long notes, int badFiles) {
    }

    private static Pass readAll(List<Path> files) throws IOException {
        long notes = 0;
        int bad = 0;
        for (Path f : files) {
            try {
                notes += MidiReader.read(f, ReadOptions.DEFAULT).notes().size();
            } catch (MidiFormatException e) {
                bad++;
            }
        }
        return new Pass(notes, bad);
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
