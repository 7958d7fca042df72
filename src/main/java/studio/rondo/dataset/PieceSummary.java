package studio.rondo.dataset;

import java.nio.file.Path;
import studio.rondo.music.Piece;
import studio.rondo.music.Pitches;

/**
 * What the dataset view shows of a piece without keeping its notes in memory.
 *
 * @param name            the file name without extension
 * @param folder          the name of the folder the file is in (often the composer), "" at a root
 * @param durationSeconds end of the last note
 * @param notes           number of notes (drums excluded unless the corpus keeps them)
 * @param tracks          number of tracks in the file
 * @param lowestPitch     MIDI key of the lowest note, -1 for a piece without notes
 * @param highestPitch    MIDI key of the highest note, -1 for a piece without notes
 * @param tempoEvents     tempo changes, including the implicit one at the start
 */
public record PieceSummary(String name, String folder, double durationSeconds, int notes, int tracks,
                           int lowestPitch, int highestPitch, int tempoEvents) {

    public static PieceSummary of(Path file, Piece piece) {
        return new PieceSummary(baseName(file), folderName(file), piece.durationSeconds(), piece.notes().size(),
                piece.metadata().trackNames().size(), piece.lowestPitch(), piece.highestPitch(), piece.tempoMap().size());
    }

    /** "A0–C8", or "-" for a piece without notes. */
    public String pitchRange() {
        return lowestPitch < 0 ? "-" : Pitches.name(lowestPitch) + "–" + Pitches.name(highestPitch);
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String folderName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
