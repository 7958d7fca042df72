package studio.rondo.dataset;

/**
 * Counts over a corpus. Only readable (OK) entries count as pieces; the others are problems.
 *
 * @param pieces           readable pieces
 * @param problems         entries that could not be read or are missing
 * @param notes            notes in all readable pieces
 * @param seconds          duration of all readable pieces
 * @param trainPieces      readable pieces on the training side
 * @param validationPieces readable pieces on the validation side
 * @param trainNotes       notes on the training side
 * @param validationNotes  notes on the validation side
 */
public record CorpusTotals(int pieces, int problems, long notes, double seconds,
                           int trainPieces, int validationPieces, long trainNotes, long validationNotes) {

    public double hours() {
        return seconds / 3600.0;
    }
}
