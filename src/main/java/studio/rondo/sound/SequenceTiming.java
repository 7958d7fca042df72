package studio.rondo.sound;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import studio.rondo.music.TempoMap;

/**
 * Ticks to seconds and back for a {@link Sequence}, through the tempo changes of all its tracks
 * (type 1 files keep them in track 0, but nothing forbids them elsewhere). SMPTE-timed sequences
 * have a fixed number of ticks per second and ignore tempo events.
 */
final class SequenceTiming {
    private static final int META_TEMPO = 0x51;

    private final TempoMap tempoMap;     // PPQ sequences
    private final double ticksPerSecond; // SMPTE sequences
    private final long endTick;

    private SequenceTiming(TempoMap tempoMap, double ticksPerSecond, long endTick) {
        this.tempoMap = tempoMap;
        this.ticksPerSecond = ticksPerSecond;
        this.endTick = endTick;
    }

    static SequenceTiming of(Sequence sequence) {
        List<TempoMap.Tempo> tempos = new ArrayList<>();
        long end = 0;
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (isTempo(event)) tempos.add(new TempoMap.Tempo(event.getTick(), microsPerQuarter((MetaMessage) event.getMessage())));
                else if (!(event.getMessage() instanceof MetaMessage)) end = Math.max(end, event.getTick());
            }
        }
        if (sequence.getDivisionType() != Sequence.PPQ)
            return new SequenceTiming(null, sequence.getDivisionType() * sequence.getResolution(), end);
        return new SequenceTiming(new TempoMap(sequence.getResolution(), tempos), 0, end);
    }

    /**
     * Tick of the last event a synthesizer hears (usually the last note-off). The piece ends there:
     * end-of-track markers can trail by minutes (piano-midi.de's mz_311_2 by half an hour).
     */
    long endTick() {
        return endTick;
    }

    double endSeconds() {
        return secondsAt(endTick);
    }

    static boolean isTempo(MidiEvent event) {
        return event.getMessage() instanceof MetaMessage meta && meta.getType() == META_TEMPO && meta.getData().length >= 3;
    }

    static int microsPerQuarter(MetaMessage tempo) {
        byte[] d = tempo.getData();
        return ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
    }

    double secondsAt(long tick) {
        return tempoMap != null ? tempoMap.secondsAt(tick) : tick / ticksPerSecond;
    }

    long tickAt(double seconds) {
        return tempoMap != null ? tempoMap.tickAt(seconds) : Math.round(seconds * ticksPerSecond);
    }
}
