package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.music.Piece;

/**
 * How loud the generated notes are. Presets whose encoding carries velocity (velocity-aware,
 * performance) play the model's own dynamics; the others have none, so the notes get the primer's
 * (its mean and spread; the training corpus's without a primer) or a level the musician sets, shaped
 * like a player would: phrases that swell and fall back over four bars, the top note of a chord a
 * little louder, and a small random variation per note (seeded by the notes themselves, so the same
 * notes always get the same velocities). A level
 * given for a velocity-carrying preset moves the model's velocities so their mean is that level.
 *
 * @param level 0 = from the primer (or the model); else the velocity of a marking (pp 33 .. ff 112)
 */
public record Dynamics(int level) {
    public static final Dynamics PRIMER = new Dynamics(0);
    private static final String[] MARKS = {"pp", "p", "mp", "mf", "f", "ff"};
    private static final int[] LEVELS = {33, 49, 64, 80, 96, 112};

    public Dynamics {
        if (level < 0 || level > 127) throw new IllegalArgumentException("dynamic level must be 0 (primer) or a velocity 1..127: " + level);
    }

    /** "primer", "pp", "p", "mp", "mf", "f" or "ff" (case-insensitive). */
    public static Dynamics parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("primer") || t.equals("model")) return PRIMER;
        for (int i = 0; i < MARKS.length; i++) if (MARKS[i].equals(t)) return new Dynamics(LEVELS[i]);
        throw new IllegalArgumentException("dynamics must be primer, pp, p, mp, mf, f or ff: " + text);
    }

    /** The choices a musician picks from, in order: primer, pp .. ff. */
    public static List<Dynamics> choices() {
        List<Dynamics> out = new ArrayList<>(List.of(PRIMER));
        for (int l : LEVELS) out.add(new Dynamics(l));
        return out;
    }

    public boolean fromPrimer() {
        return level == 0;
    }

    /** "primer", "mf", or the velocity for a level that is no marking. */
    public String mark() {
        if (level == 0) return "primer";
        for (int i = 0; i < LEVELS.length; i++) if (LEVELS[i] == level) return MARKS[i];
        return Integer.toString(level);
    }

    @Override
    public String toString() {
        return mark();
    }

    /**
     * Gives the generated notes their velocities.
     *
     * @param notes          generated notes (times from the join)
     * @param modelVelocity  the encoding carried velocities (the notes already have the model's)
     * @param barSeconds     one bar at the join, for the phrase shape
     */
    List<Piece.TimedNote> apply(List<Piece.TimedNote> notes, boolean modelVelocity, Primer primer, CorpusProfile profile,
                                double barSeconds) {
        if (notes.isEmpty() || (modelVelocity && level == 0)) return notes;
        List<Piece.TimedNote> out = new ArrayList<>(notes.size());
        if (modelVelocity) {
            double mean = notes.stream().mapToInt(Piece.TimedNote::velocity).average().orElse(level);
            for (Piece.TimedNote n : notes) out.add(with(n, n.velocity() - mean + level));
            return out;
        }
        double mean, spread;
        if (level > 0) {
            mean = level;
            spread = 7;
        } else if (!primer.isEmpty()) {
            mean = primer.notes().stream().mapToInt(Piece.TimedNote::velocity).average().orElse(80);
            double var = primer.notes().stream().mapToDouble(n -> (n.velocity() - mean) * (n.velocity() - mean)).average().orElse(0);
            spread = Math.max(4, Math.min(16, Math.sqrt(var)));
        } else if (profile != null) {
            mean = profile.meanVelocity();
            spread = Math.max(4, Math.min(16, (profile.loudVelocity() - profile.quietVelocity()) / 4.0));
        } else {
            mean = StartStep.VELOCITY;
            spread = 8;
        }
        long seed = 17;
        for (Piece.TimedNote n : notes) seed = seed * 31 + n.pitch() * 1_000_003L + Math.round(n.startSeconds() * 1000);
        Random random = new Random(seed);
        double phrase = 4 * Math.max(0.5, barSeconds);
        for (int i = 0; i < notes.size(); i++) {
            Piece.TimedNote n = notes.get(i);
            // A swell to the middle of each four-bar phrase and back: -0.6..+0.6 spread.
            double arc = Math.sin(Math.PI * ((n.startSeconds() / phrase) % 1.0)) - 0.5;
            double top = isTopOfChord(notes, i) ? 0.25 * spread : 0;
            double v = mean + 1.2 * arc * spread + top + 0.45 * spread * random.nextGaussian();
            out.add(with(n, v));
        }
        return out;
    }

    /** The highest of the notes struck with this one (within 20 ms), when there are several. */
    private static boolean isTopOfChord(List<Piece.TimedNote> notes, int i) {
        Piece.TimedNote n = notes.get(i);
        boolean chord = false;
        for (int j = Math.max(0, i - 8); j < Math.min(notes.size(), i + 9); j++) {
            Piece.TimedNote o = notes.get(j);
            if (j == i || Math.abs(o.startSeconds() - n.startSeconds()) > 0.02) continue;
            if (o.pitch() > n.pitch()) return false;
            chord = true;
        }
        return chord;
    }

    private static Piece.TimedNote with(Piece.TimedNote n, double velocity) {
        int v = (int) Math.max(1, Math.min(127, Math.round(velocity)));
        return new Piece.TimedNote(n.pitch(), v, n.channel(), n.startSeconds(), n.endSeconds());
    }
}
