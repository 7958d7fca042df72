package studio.rondo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        for (MidiImport.Result r : results) {
            if (!r.ok()) err.println("rondo: skipped " + r.error());
            else if (r.piece().notes().isEmpty())
                // e.g. drums only: channel 10 is left out unless asked for, as `corpus` reports too
                err.println("rondo: skipped " + r.file() + ": no notes to learn from (drums, channel 10, are left out)");
            else pieces.add(r.piece());
        }
        err.flush();
        if (pieces.isEmpty()) throw new BadInputException("none of the " + results.size() + " MIDI files could be read");
        return pieces;
    }
}
