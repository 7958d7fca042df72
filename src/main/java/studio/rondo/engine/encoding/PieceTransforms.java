package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/**
 * Data augmentation as pure functions on pieces (the trainer picks the amounts): transposition,
 * time stretch and velocity stretch. Drum notes are never transposed.
 */
public final class PieceTransforms {
    private PieceTransforms() {
    }

    /** The piece moved by {@code semitones}, or empty when a note would leave 0..127. */
    public static Optional<Piece> transpose(Piece piece, int semitones) {
        if (semitones == 0) return Optional.of(piece);
        List<Note> out = new ArrayList<>(piece.notes().size());
        for (Note n : piece.notes()) {
            if (n.isDrum()) {
                out.add(n);
                continue;
            }
            int p = n.pitch() + semitones;
            if (p < 0 || p > 127) return Optional.empty();
            out.add(new Note(p, n.velocity(), n.channel(), n.track(), n.startTick(), n.endTick(), n.startSeconds(), n.endSeconds()));
        }
        return Optional.of(piece.withNotes(out));
    }

    /**
     * The piece played {@code factor} times as long (1.05 = 5 % slower). Ticks stay; the tempo map
     * is slowed by the same factor, so quarter-based encodings see the same score.
     */
    public static Piece timeStretch(Piece piece, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("stretch factor must be positive: " + factor);
        List<TempoMap.Tempo> tempos = new ArrayList<>();
        for (TempoMap.Tempo t : piece.tempoMap().changes())
            tempos.add(new TempoMap.Tempo(t.tick(), (int) Math.max(1, Math.round(t.microsPerQuarter() * factor))));
        List<Note> notes = new ArrayList<>(piece.notes().size());
        for (Note n : piece.notes())
            notes.add(new Note(n.pitch(), n.velocity(), n.channel(), n.track(), n.startTick(), n.endTick(),
                    n.startSeconds() * factor, n.endSeconds() * factor));
        PieceMetadata m = piece.metadata();
        List<PieceMetadata.PedalEvent> pedals = new ArrayList<>(m.sustainEvents().size());
        for (PieceMetadata.PedalEvent e : m.sustainEvents())
            pedals.add(new PieceMetadata.PedalEvent(e.tick(), e.seconds() * factor, e.track(), e.channel(), e.value()));
        PieceMetadata meta = new PieceMetadata(m.format(), m.trackNames(), m.copyright(), m.timeSignatures(),
                m.keySignatures(), m.programChanges(), pedals);
        return new Piece(piece.name(), notes, new TempoMap(piece.resolution(), tempos), meta);
    }

    /** Velocities scaled by {@code factor}, rounded and kept in 1..127. */
    public static Piece velocityStretch(Piece piece, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("velocity factor must be positive: " + factor);
        List<Note> out = new ArrayList<>(piece.notes().size());
        for (Note n : piece.notes())
            out.add(new Note(n.pitch(), Clamp.velocity(Math.round(n.velocity() * factor)), n.channel(), n.track(),
                    n.startTick(), n.endTick(), n.startSeconds(), n.endSeconds()));
        return piece.withNotes(out);
    }
}
