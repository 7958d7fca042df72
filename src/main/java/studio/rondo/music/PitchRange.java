package studio.rondo.music;

import java.util.Locale;

/**
 * A range of MIDI pitches, both ends included, always on the piano keyboard ({@link #PIANO}: A0..C8,
 * MIDI 21..108): generated notes stay inside it.
 *
 * @param low  lowest allowed pitch
 * @param high highest allowed pitch
 */
public record PitchRange(int low, int high) {
    /** The 88 keys of a piano, A0 (21) to C8 (108). */
    public static final PitchRange PIANO = new PitchRange(21, 108);

    public PitchRange {
        if (low < 0 || high > 127 || low > high)
            throw new IllegalArgumentException("pitch range must be two pitches low-high within 0..127: " + low + "-" + high);
    }

    /**
     * Parses "A0-C8", "21-108", "C2–G6" (en dash) or "C#3-Bb5". The range must lie on the piano
     * keyboard (A0..C8).
     */
    public static PitchRange parse(String text) {
        String s = text == null ? "" : text.trim().replace('–', '-');
        // The separator is the first '-' after the first character (no piano key has a negative octave).
        int dash = s.indexOf('-', 1);
        if (dash < 0) throw new IllegalArgumentException("pitch range must be LOW-HIGH, e.g. A0-C8 or 21-108: " + text);
        int lo = pitch(s.substring(0, dash), text), hi = pitch(s.substring(dash + 1), text);
        if (lo > hi) throw new IllegalArgumentException("pitch range " + text + " runs downwards; write the lower pitch first");
        PitchRange r = new PitchRange(lo, hi);
        if (!PIANO.contains(r))
            throw new IllegalArgumentException("pitch range " + text + " leaves the piano keyboard (A0-C8, 21-108)");
        return r;
    }

    private static int pitch(String part, String whole) {
        String p = part.trim();
        if (p.isEmpty()) throw new IllegalArgumentException("pitch range must be LOW-HIGH, e.g. A0-C8 or 21-108: " + whole);
        try {
            if (Character.isDigit(p.charAt(0))) {
                int v = Integer.parseInt(p);
                if (v < 0 || v > 127) throw new IllegalArgumentException("pitch out of range in " + whole + ": " + v);
                return v;
            }
            return Pitches.parse(p);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a pitch in range " + whole + ": " + p);
        }
    }

    /** The part of this range on the piano keyboard (the piano itself when they do not meet). */
    public PitchRange onPiano() {
        int lo = Math.max(low, PIANO.low), hi = Math.min(high, PIANO.high);
        return lo <= hi ? new PitchRange(lo, hi) : PIANO;
    }

    public boolean contains(int pitch) {
        return pitch >= low && pitch <= high;
    }

    public boolean contains(PitchRange other) {
        return other.low >= low && other.high <= high;
    }

    /** "C2–G6". */
    @Override
    public String toString() {
        return Pitches.name(low) + "–" + Pitches.name(high);
    }

    /** "C2-G6 (36-91)", for messages. */
    public String describe() {
        return String.format(Locale.ROOT, "%s-%s (%d-%d)", Pitches.name(low), Pitches.name(high), low, high);
    }
}
