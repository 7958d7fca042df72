package studio.rondo.music;

/**
 * One sounding note. Times are kept both in MIDI ticks (exact, for writing back) and in seconds
 * (through the piece's whole tempo map, for learning and display).
 *
 * @param pitch        MIDI key 0..127
 * @param velocity     1..127
 * @param channel      MIDI channel 0..15 (9 is drums)
 * @param track        index of the track the note came from (0 for generated notes)
 * @param startTick    onset in ticks
 * @param endTick      release in ticks, always greater than startTick
 * @param startSeconds onset in seconds
 * @param endSeconds   release in seconds, always greater than startSeconds
 */
public record Note(int pitch, int velocity, int channel, int track,
                   long startTick, long endTick, double startSeconds, double endSeconds) {

    public Note {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch out of range: " + pitch);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity out of range: " + velocity);
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("channel out of range: " + channel);
        if (startTick < 0 || endTick <= startTick) throw new IllegalArgumentException("bad tick span: " + startTick + ".." + endTick);
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) throw new IllegalArgumentException("bad time span: " + startSeconds + ".." + endSeconds);
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    public long durationTicks() {
        return endTick - startTick;
    }

    public boolean isDrum() {
        return channel == Pitches.DRUM_CHANNEL;
    }
}
