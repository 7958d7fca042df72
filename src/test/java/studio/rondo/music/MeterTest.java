package studio.rondo.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.PieceMetadata.TimeSignature;

class MeterTest {
    @Test
    void barNumbersCountThroughEveryTimeSignature() {
        int ppq = 480;
        assertEquals(1, Meter.barNumber(List.of(), ppq, 0));
        assertEquals(2, Meter.barNumber(List.of(), ppq, 4 * ppq), "4/4 without a signature");
        // 3/4 for two bars, then 6/8 (3 quarters a bar too), then 2/4
        List<TimeSignature> sigs = List.of(new TimeSignature(0, 3, 4), new TimeSignature(6 * ppq, 6, 8), new TimeSignature(12 * ppq, 2, 4));
        assertEquals(1, Meter.barNumber(sigs, ppq, 3 * ppq - 1));
        assertEquals(2, Meter.barNumber(sigs, ppq, 3 * ppq));
        assertEquals(3, Meter.barNumber(sigs, ppq, 6 * ppq));
        assertEquals(5, Meter.barNumber(sigs, ppq, 12 * ppq));
        assertEquals(6, Meter.barNumber(sigs, ppq, 14 * ppq));
        // a change off the bar line starts a new bar where it is
        List<TimeSignature> odd = List.of(new TimeSignature(0, 4, 4), new TimeSignature(6 * ppq, 3, 4));
        assertEquals(2, Meter.barNumber(odd, ppq, 6 * ppq - 1));
        assertEquals(3, Meter.barNumber(odd, ppq, 6 * ppq));
    }
}
