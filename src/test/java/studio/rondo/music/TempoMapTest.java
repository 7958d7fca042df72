package studio.rondo.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.TempoMap.Tempo;

class TempoMapTest {
    @Test
    void convertsTicksToSecondsThroughEveryTempoChange() {
        // 480 ppq: one quarter at 120 bpm (0.5 s), then quarters at 60 bpm (1 s each)
        TempoMap map = new TempoMap(480, List.of(new Tempo(0, 500_000), new Tempo(480, 1_000_000)));
        assertEquals(0.5, map.secondsAt(480), 1e-9);
        assertEquals(1.5, map.secondsAt(960), 1e-9);
        assertEquals(0.25, map.secondsAt(240), 1e-9);
    }

    @Test
    void convertsSecondsBackToTheSameTicks() {
        TempoMap map = new TempoMap(96, List.of(new Tempo(0, 600_000), new Tempo(100, 400_000), new Tempo(333, 750_000)));
        for (long t = 0; t < 2000; t += 7) assertEquals(t, map.tickAt(map.secondsAt(t)));
    }

    @Test
    void assumes120BpmWhenTheFileGivesNoTempo() {
        TempoMap map = new TempoMap(480, List.of());
        assertEquals(1.0, map.secondsAt(960), 1e-9);
        assertEquals(1, map.size());
    }

    @Test
    void lastOfSeveralChangesOnOneTickWins() {
        TempoMap map = new TempoMap(480, List.of(new Tempo(0, 500_000), new Tempo(0, 250_000)));
        assertEquals(0.25, map.secondsAt(480), 1e-9);
    }
}
