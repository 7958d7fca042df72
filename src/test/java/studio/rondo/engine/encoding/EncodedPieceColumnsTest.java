package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.TestCorpus;

/** A piece sent to another machine as its columns comes back the same piece. */
class EncodedPieceColumnsTest {
    private static final Encoding ENCODING = PitchStepDuration.oneHot(); // pitch classes, step and duration values

    private static EncodedPiece piece() {
        return ENCODING.encode(TestCorpus.pieces(1, 12, 4).get(0));
    }

    @Test
    void columnsMakeTheSamePieceAgain() {
        EncodedPiece p = piece();
        List<StreamSpec> streams = p.streams();
        int[][] classes = {p.classColumn(0).clone(), null, null};
        float[][] values = {null, p.valueColumn(1).clone(), p.valueColumn(2).clone()};
        EncodedPiece back = EncodedPiece.ofColumns("copy", streams, classes, values);
        assertEquals("copy", back.name());
        assertEquals(p.length(), back.length());
        assertArrayEquals(p.classColumn(0), back.classColumn(0));
        assertArrayEquals(p.valueColumn(1), back.valueColumn(1));
        assertArrayEquals(p.valueColumn(2), back.valueColumn(2));
        // The piece keeps its own copies: changing the arrays sent does not change it.
        int first = classes[0][0];
        classes[0][0] = (first + 1) % streams.get(0).size();
        values[1][0] += 1;
        assertEquals(first, back.classColumn(0)[0]);
        assertEquals(p.valueColumn(1)[0], back.valueColumn(1)[0]);
    }

    @Test
    void refusesColumnsThatCannotBeAPiece() {
        EncodedPiece p = piece();
        List<StreamSpec> streams = p.streams();
        int[] pitches = p.classColumn(0);
        float[] steps = p.valueColumn(1), durations = p.valueColumn(2);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> EncodedPiece.ofColumns("x", streams, new int[][] {pitches, null}, new float[][] {null, steps}));
        assertTrue(count.getMessage().contains("one column per stream: 3"), count.getMessage());
        float[] shorter = java.util.Arrays.copyOf(durations, durations.length - 1);
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> EncodedPiece.ofColumns("x", streams, new int[][] {pitches, null, null}, new float[][] {null, steps, shorter}));
        assertTrue(lengths.getMessage().contains("different lengths"), lengths.getMessage());
        int[] outside = pitches.clone();
        outside[0] = streams.get(0).size();
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> EncodedPiece.ofColumns("x", streams, new int[][] {outside, null, null}, new float[][] {null, steps, durations}));
        assertTrue(range.getMessage().contains("outside stream " + streams.get(0).name()), range.getMessage());
        int[] negative = pitches.clone();
        negative[1] = -1;
        assertThrows(IllegalArgumentException.class,
                () -> EncodedPiece.ofColumns("x", streams, new int[][] {negative, null, null}, new float[][] {null, steps, durations}));
    }

    @Test
    void anEmptyPieceHasLengthZero() {
        List<StreamSpec> streams = ENCODING.streams();
        EncodedPiece empty = EncodedPiece.ofColumns("empty", streams, new int[][] {new int[0], null, null}, new float[][] {null, new float[0], new float[0]});
        assertEquals(0, empty.length());
    }
}
