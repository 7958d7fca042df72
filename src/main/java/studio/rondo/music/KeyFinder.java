package studio.rondo.music;

import java.util.List;

/**
 * The key a passage sits in, by the Krumhansl-Schmuckler algorithm: the duration-weighted profile
 * of its twelve pitch classes is correlated with the Krumhansl-Kessler major and minor profiles
 * rotated to each of the twelve tonics; the best of the 24 wins.
 */
public final class KeyFinder {
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    private static final String[] TONICS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /**
     * @param tonic       pitch class of the tonic, 0 = C
     * @param minor       minor (else major)
     * @param correlation Pearson correlation of the passage's profile with the key's, -1..1
     */
    public record Key(int tonic, boolean minor, double correlation) {
        /** "D minor", "Eb major". */
        public String name() {
            return TONICS[tonic] + (minor ? " minor" : " major");
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private KeyFinder() {
    }

    /** The key of these notes, or null when they hold no sounding time. */
    public static Key of(List<Piece.TimedNote> notes) {
        double[] profile = new double[12];
        for (Piece.TimedNote n : notes) profile[Math.floorMod(n.pitch(), 12)] += Math.max(0, n.endSeconds() - n.startSeconds());
        return of(profile);
    }

    /** The key of a duration-weighted pitch-class profile (index 0 = C), or null when it is all zero. */
    public static Key of(double[] profile) {
        double total = 0;
        for (double v : profile) total += v;
        if (!(total > 0)) return null;
        Key best = null;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[] {false, true}) {
                double r = correlation(profile, minor ? MINOR : MAJOR, tonic);
                if (best == null || r > best.correlation) best = new Key(tonic, minor, r);
            }
        }
        return best;
    }

    private static double correlation(double[] x, double[] keyProfile, int tonic) {
        double mx = 0, my = 0;
        for (int i = 0; i < 12; i++) {
            mx += x[i];
            my += keyProfile[i];
        }
        mx /= 12;
        my /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < 12; i++) {
            double dx = x[i] - mx, dy = keyProfile[Math.floorMod(i - tonic, 12)] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
