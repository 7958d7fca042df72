package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAndInputLayoutTest {
    private final PitchStepDuration enc = PitchStepDuration.oneHot();
    private final EncodedPiece piece = enc.encode(Fixtures.mixed()); // 18 steps

    @Test
    void windowsLeaveANextStepAsTarget() {
        List<Window> w = Window.over(piece, 5, 2);
        assertEquals(7, w.size()); // starts 0,2,..,12: 12+5 = 17 < 18
        assertEquals(5, w.get(0).targetStep());
        assertEquals(17, w.get(6).targetStep());
        assertEquals(0, Window.over(piece, 18, 1).size());
    }

    @Test
    void timeMajorLayoutHoldsTheSameFeaturesAsNcw() {
        InputLayout layout = InputLayout.of(enc);
        int seq = 5, batch = 3, f = layout.features();
        float[] ncw = new float[batch * f * seq], tm = new float[batch * f * seq];
        for (int b = 0; b < batch; b++) {
            Window w = new Window(piece, 2 * b, seq);
            layout.write(w, ncw, b);
            layout.writeTimeMajor(w, tm, b, batch);
        }
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < f; i++)
                for (int t = 0; t < seq; t++)
                    assertEquals(ncw[(b * f + i) * seq + t], tm[(t * batch + b) * f + i], "example " + b + " feature " + i + " step " + t);
    }

    @Test
    void writesBatchRowsInNcwOrder() {
        InputLayout layout = InputLayout.of(enc);
        int seq = 4, batch = 2, f = layout.features();
        float[] buf = new float[batch * f * seq];
        Window w = new Window(piece, 3, seq);
        layout.write(w, buf, 1);
        int base = f * seq; // row 1
        for (int t = 0; t < seq; t++) {
            int pitch = piece.classAt(PitchStepDuration.PITCH, 3 + t);
            assertEquals(1f, buf[base + pitch * seq + t], "one-hot pitch at t=" + t);
            assertEquals(piece.valueAt(PitchStepDuration.STEP, 3 + t), buf[base + 128 * seq + t]);
            assertEquals(piece.valueAt(PitchStepDuration.DURATION, 3 + t), buf[base + 129 * seq + t]);
        }
        float sum = 0;
        for (int i = 0; i < base; i++) sum += Math.abs(buf[i]);
        assertEquals(0f, sum, "row 0 untouched");
        float[] one = new float[f];
        layout.write(piece.step(3), one);
        assertEquals(1f, one[piece.classAt(PitchStepDuration.PITCH, 3)]);
        assertEquals(129, layout.offset(PitchStepDuration.DURATION));
    }

    @Test
    void writesNextStepAndPerStepTargetsAsOneHotOrValues() {
        Window w = new Window(piece, 3, 4);
        float[] next = new float[2 * 128];
        Targets.writeNext(w, PitchStepDuration.PITCH, next, 1);
        assertEquals(1f, next[128 + piece.classAt(PitchStepDuration.PITCH, 7)]);
        assertEquals(piece.classAt(PitchStepDuration.PITCH, 7), Targets.nextClass(w, PitchStepDuration.PITCH));
        float[] step = new float[1];
        Targets.writeNext(w, PitchStepDuration.STEP, step, 0);
        assertEquals(piece.valueAt(PitchStepDuration.STEP, 7), step[0]);

        float[] seq = new float[128 * 4];
        Targets.writeSequence(w, PitchStepDuration.PITCH, seq, 0);
        for (int t = 0; t < 4; t++) assertEquals(1f, seq[piece.classAt(PitchStepDuration.PITCH, 4 + t) * 4 + t], "t=" + t);
        float ones = 0;
        for (float v : seq) ones += v;
        assertEquals(4f, ones);
        float[] dur = new float[4];
        Targets.writeSequence(w, PitchStepDuration.DURATION, dur, 0);
        assertEquals(piece.valueAt(PitchStepDuration.DURATION, 7), dur[3]);
    }
}
