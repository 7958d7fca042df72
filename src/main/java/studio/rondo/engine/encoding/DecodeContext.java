package studio.rondo.engine.encoding;

import studio.rondo.music.TempoMap;

/**
 * What decoding needs besides the steps: the tempo map placing the notes (quarter-based encodings
 * read it to turn quarters into seconds; every encoding uses it to give the piece ticks), and the
 * velocity and channel for encodings that do not carry them.
 */
public record DecodeContext(TempoMap tempoMap, int velocity, int channel) {
    public static final int DEFAULT_RESOLUTION = 480;

    public DecodeContext {
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity out of range: " + velocity);
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("channel out of range: " + channel);
    }

    /** 120 bpm at 480 ticks per quarter, velocity 100 (what the originals used), channel 0. */
    public static DecodeContext standard() {
        return new DecodeContext(TempoMap.constant(DEFAULT_RESOLUTION, 120), 100, 0);
    }

    /** A constant tempo, e.g. the primer's opening tempo. */
    public static DecodeContext atBpm(double bpm) {
        return new DecodeContext(TempoMap.constant(DEFAULT_RESOLUTION, bpm), 100, 0);
    }

    public DecodeContext withTempoMap(TempoMap map) {
        return new DecodeContext(map, velocity, channel);
    }

    public DecodeContext withVelocity(int v) {
        return new DecodeContext(tempoMap, v, channel);
    }
}
