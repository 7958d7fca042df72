package studio.rondo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/** Reads the MIDI files of --data for train and evaluate: bad files and files without notes are reported and skipped. */
final class CorpusLoader {
    private CorpusLoader() {
    }

    static List<Piece> load(List<Path> inputs, PrintWriter err) {
        List<MidiImport.Result> results = MidiImport.readAll(inputs, ReadOptions.DEFAULT);
        if (results.isEmpty()) throw new BadInputException("no .mid or .midi files found in " + inputs);
        List<Piece> pieces = new ArrayList<>();
        for (MidiImport.Result r : results) if (usable(r.file().toString(), r.piece(), r.error(), err)) pieces.add(r.piece());
        err.flush();
        if (pieces.isEmpty()) throw new BadInputException("none of the " + results.size() + " MIDI files could be read");
        return pieces;
    }

    /** The corpus as a cluster reads it (paths or URIs), each piece with the file every node finds it at; skips reported as above. */
    static List<ClusterTraining.CorpusFile> load(ClusterTraining.Connection cluster, List<String> locations, PrintWriter err) {
        List<ClusterTraining.CorpusFile> results;
        try {
            results = cluster.readCorpus(locations);
        } catch (IOException e) {
            throw new BadInputException("cannot read the corpus at " + locations + ": " + e.getMessage(), e);
        }
        if (results.isEmpty()) throw new BadInputException("no .mid or .midi files found in " + locations);
        List<ClusterTraining.CorpusFile> usable = new ArrayList<>();
        for (ClusterTraining.CorpusFile r : results) if (usable(r.file(), r.piece(), r.error(), err)) usable.add(r);
        err.flush();
        if (usable.isEmpty()) throw new BadInputException("none of the " + results.size() + " MIDI files could be read");
        return usable;
    }

    private static boolean usable(String file, Piece piece, String error, PrintWriter err) {
        if (piece == null) err.println("rondo: skipped " + error);
        else if (piece.notes().isEmpty())
            // e.g. drums only: channel 10 is left out unless asked for, as `corpus` reports too
            err.println("rondo: skipped " + file + ": no notes to learn from (drums, channel 10, are left out)");
        else return true;
        return false;
    }
}
