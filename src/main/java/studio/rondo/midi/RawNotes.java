package studio.rondo.midi;

import java.util.Arrays;

/**
 * Notes in ticks as the parser pairs them, kept in parallel primitive arrays: a piano piece has
 * thousands of notes and the reader should not allocate per event.
 */
final class RawNotes {
    int size;
    long[] start = new long[256];
    long[] end = new long[256];
    byte[] pitch = new byte[256];
    byte[] velocity = new byte[256];
    byte[] channel = new byte[256];
    int[] track = new int[256];

    /** Adds an open note (end unknown yet, -1) and returns its index. */
    int open(long tick, int key, int vel, int ch, int trk) {
        if (size == start.length) grow();
        int i = size++;
        start[i] = tick;
        end[i] = -1;
        pitch[i] = (byte) key;
        velocity[i] = (byte) vel;
        channel[i] = (byte) ch;
        track[i] = trk;
        return i;
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        pitch = Arrays.copyOf(pitch, n);
        velocity = Arrays.copyOf(velocity, n);
        channel = Arrays.copyOf(channel, n);
        track = Arrays.copyOf(track, n);
    }
}
