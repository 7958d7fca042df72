package studio.rondo.engine.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/** Tiny hand-built pieces at 120 bpm, 480 ticks per quarter (a quarter note = 0.5 s). */
final class Fixtures {
    static final int PPQ = 480;

    private Fixtures() {
    }

    /** A note from {@code quarter} for {@code quarters}, in quarter notes. */
    static Note note(int pitch, double quarter, double quarters) {
        long start = Math.round(quarter * PPQ), end = Math.round((quarter + quarters) * PPQ);
        return new Note(pitch, 80, 0, 0, start, end, start / (double) PPQ * 0.5, end / (double) PPQ * 0.5);
    }

    static Piece piece(String name, List<Note> notes) {
        return new Piece(name, notes, TempoMap.constant(PPQ, 120), PieceMetadata.empty());
    }

    static Piece piece(String name, List<Note> notes, int beatsPerBar) {
        PieceMetadata meta = PieceMetadata.empty().withTimeSignatures(List.of(new PieceMetadata.TimeSignature(0, beatsPerBar, 4)));
        return new Piece(name, notes, TempoMap.constant(PPQ, 120), meta);
    }

    /** C4 D E F G A B C5 in quarter notes. */
    static Piece cMajorScale() {
        int[] pitches = {60, 62, 64, 65, 67, 69, 71, 72};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(note(pitches[i], i, 1));
        return piece("c-major-scale", notes);
    }

    /** One note per eighth, pitches from a seeded random walk over the piano: no two pieces alike. */
    static List<Note> randomLine(long seed, int count, int low, int high) {
        Random r = new Random(seed);
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) notes.add(note(low + r.nextInt(high - low + 1), i * 0.5, 0.5));
        return notes;
    }

    /** Random pitches and rhythms: onsets 1/16 to 2 quarters apart, lengths 1/16 to 4 quarters, 1-3 notes at once. */
    static Piece randomPiece(long seed, int onsets) {
        Random r = new Random(seed);
        List<Note> notes = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < onsets; i++) {
            int chord = 1 + r.nextInt(3);
            for (int k = 0; k < chord; k++) notes.add(note(21 + r.nextInt(88), t, 0.25 + r.nextInt(16) * 0.25));
            t += 0.25 * (1 + r.nextInt(8));
        }
        return piece("random-" + seed, dedupe(notes));
    }

    private static List<Note> dedupe(List<Note> notes) {
        List<Note> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Note n : notes) if (seen.add(n.startTick() * 128 + n.pitch())) out.add(n);
        return out;
    }
}
