package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

class InstrumentsTest {
    @Test
    void aPieceNeedsProgramZeroAndEveryProgramItSelects() throws Exception {
        Sequence s = TestPieces.arpeggio(1.0);
        assertEquals(Set.of(0), Instruments.programsOf(s));

        s.getTracks()[1].add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 3, 40, 0), 10));
        s.getTracks()[1].add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 9, 25, 0), 20));
        assertEquals(Set.of(0, 25, 40), Instruments.programsOf(s));
    }
}
