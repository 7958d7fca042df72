package studio.rondo.sound;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Small sequences built in code, and ways to look at rendered WAV files. */
public final class TestPieces {
    public static final int PPQ = 480;
    public static final Path FLUID_R3 = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private TestPieces() {
    }

    /** A piano piece at 120 bpm (one second is 960 ticks): a meta track and a note track. */
    public static final class Builder {
        private final Sequence sequence;
        private final Track meta;
        private final Track notes;

        public Builder() {
            try {
                sequence = new Sequence(Sequence.PPQ, PPQ);
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
            meta = sequence.createTrack();
            notes = sequence.createTrack();
        }

        public Builder tempo(double atSeconds, int microsPerQuarter) {
            byte[] data = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
            try {
                meta.add(new MidiEvent(new MetaMessage(0x51, data, 3), ticks(atSeconds)));
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** Times in seconds at the initial 120 bpm. */
        public Builder note(double startSeconds, double seconds, int pitch, int velocity) {
            try {
                notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, velocity), ticks(startSeconds)));
                notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), ticks(startSeconds + seconds)));
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** Moves the end-of-track marker, as files with trailing silence have it. */
        public Builder endOfTrackAt(double seconds) {
            notes.add(new MidiEvent(eot(), ticks(seconds)));
            return this;
        }

        public Sequence build() {
            return sequence;
        }

        private static long ticks(double seconds) {
            return Math.round(seconds * 2 * PPQ);
        }

        private static MetaMessage eot() {
            try {
                return new MetaMessage(0x2F, new byte[0], 0);
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Builder piece() {
        return new Builder();
    }

    /** A C major arpeggio of {@code seconds}, starting at 0. */
    public static Sequence arpeggio(double seconds) {
        Builder b = piece();
        int[] pitches = {60, 64, 67, 72};
        for (int i = 0; i * 0.25 < seconds; i++) b.note(i * 0.25, Math.min(0.25, seconds - i * 0.25), pitches[i % 4], 100);
        return b.build();
    }

    /** Samples of a 16-bit stereo WAV file, left and right interleaved, scaled to -1..1. */
    public static float[] samples(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] bytes = in.readAllBytes();
            float[] out = new float[bytes.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8)) / 32768f;
            return out;
        }
    }

    /** Root mean square of both channels between two times. */
    public static double rms(float[] stereo, double fromSeconds, double toSeconds) {
        int from = 2 * (int) (fromSeconds * 44_100), to = Math.min(stereo.length, 2 * (int) (toSeconds * 44_100));
        double sum = 0;
        for (int i = from; i < to; i++) sum += stereo[i] * stereo[i];
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /**
     * A small valid SoundFont: Gervill's built-in sound set saved as .sf2 (tests run with the
     * add-exports option, so its public save method is reachable).
     */
    public static Path smallSoundFont(Path dir) throws Exception {
        Path file = dir.resolve("small.sf2");
        javax.sound.midi.Soundbank builtIn = javax.sound.midi.MidiSystem.getSynthesizer().getDefaultSoundbank();
        builtIn.getClass().getMethod("save", java.io.File.class).invoke(builtIn, file.toFile());
        return file;
    }

    /** A file with a SoundFont's name and extension but no SoundFont inside. */
    public static Path corruptSoundFont(Path dir) throws Exception {
        Path file = dir.resolve("broken.sf2");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        System.arraycopy("RIFF".getBytes(), 0, junk, 0, 4); // looks like RIFF at first glance
        Files.write(file, junk);
        return file;
    }
}
