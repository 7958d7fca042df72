package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/** Pieces built in code: 480 ticks per quarter, 120 bpm unless a tempo map is given. */
final class Fixtures {
    static final int PPQ = 480;
    static final TempoMap TEMPO_120 = TempoMap.constant(PPQ, 120);

    private Fixtures() {
    }

    /** A note placed in quarters on a tempo map. */
    static Note note(TempoMap map, int pitch, double startQ, double durQ, int velocity, int channel) {
        long s = Math.round(startQ * PPQ), e = Math.round((startQ + durQ) * PPQ);
        return new Note(pitch, velocity, channel, 0, s, e, map.secondsAt(s), map.secondsAt(e));
    }

    static Note note(int pitch, double startQ, double durQ, int velocity) {
        return note(TEMPO_120, pitch, startQ, durQ, velocity, 0);
    }

    /**
     * Melody, a chord with octaves, a note overlapping the chord, notes struck together and released
     * apart, triplets, a sixteenth, a rest, a gap of 6.4 s (longer than 1 s and than 8 quarters),
     * a closing chord over a long bass note, and a drum hit that encodings skip.
     */
    static Piece mixed() {
        List<Note> n = new ArrayList<>(List.of(
                note(72, 0, 1, 90), note(74, 1, 0.5, 70), note(76, 1.5, 0.5, 100),
                note(45, 2, 2, 80), note(48, 2, 2, 80), note(52, 2, 2, 80),
                note(79, 2, 3, 60),
                note(60, 4, 1, 50), note(64, 4, 2, 50),
                note(67, 5, 1.0 / 3, 64), note(69, 5 + 1.0 / 3, 1.0 / 3, 66), note(71, 5 + 2.0 / 3, 1.0 / 3, 68),
                note(62, 7, 0.25, 127),
                note(84, 20, 1, 40),
                note(60, 21, 1.5, 85), note(64, 21, 1.5, 85), note(67, 21, 1.5, 85), note(36, 21, 4, 1),
                note(TEMPO_120, 38, 0, 0.5, 100, 9)));
        return new Piece("mixed", n, TEMPO_120, PieceMetadata.empty());
    }

    /** The mixed piece's notes without the drum. */
    static List<Note> pitched(Piece p) {
        return p.notes().stream().filter(x -> !x.isDrum()).toList();
    }

    /** The same notes on a map that changes tempo twice (120, 90, then 160 bpm). */
    static Piece mixedWithTempoChanges() {
        TempoMap map = new TempoMap(PPQ, List.of(new TempoMap.Tempo(0, 500_000),
                new TempoMap.Tempo(3 * PPQ, 666_667), new TempoMap.Tempo(10 * PPQ, 375_000)));
        List<Note> n = new ArrayList<>();
        for (Note x : mixed().notes())
            n.add(note(map, x.pitch(), x.startTick() / (double) PPQ, x.durationTicks() / (double) PPQ, x.velocity(), x.channel()));
        return new Piece("mixed-tempo", n, map, PieceMetadata.empty());
    }
}
