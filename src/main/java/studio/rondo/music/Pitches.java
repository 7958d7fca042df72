package studio.rondo.music;

/** Pitch names and MIDI constants. */
public final class Pitches {
    public static final int DRUM_CHANNEL = 9;
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private Pitches() {
    }

    /** Scientific pitch name with octave, middle C (60) = "C4". */
    public static String name(int pitch) {
        return NAMES[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    /** Inverse of {@link #name(int)}; accepts sharps ("C#4") and flats ("Db4"). */
    public static int parse(String name) {
        String s = name.trim();
        int i = 1;
        int pc = switch (Character.toUpperCase(s.charAt(0))) {
            case 'C' -> 0; case 'D' -> 2; case 'E' -> 4; case 'F' -> 5; case 'G' -> 7; case 'A' -> 9; case 'B' -> 11;
            default -> throw new IllegalArgumentException("not a pitch name: " + name);
        };
        while (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b' || s.charAt(i) == '-')) {
            pc += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        int octave = Integer.parseInt(s.substring(i));
        int pitch = (octave + 1) * 12 + pc;
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch out of range: " + name);
        return pitch;
    }
}
