package studio.rondo.engine.eval;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.music.Piece;

class WindowEvaluatorTest {

    @Test
    void tiedScoresAreNotHitsForEveryTiedClass() {
        float[] equal = new float[128];
        Arrays.fill(equal, 1f / 128);
        assertEquals(0, WindowEvaluator.rank(equal, 0), "of equals, the lowest index ranks first");
        assertEquals(60, WindowEvaluator.rank(equal, 60), "a tie is not a top-5 hit for class 60");
        float[] p = {0.1f, 0.4f, 0.4f, 0.1f};
        assertEquals(0, WindowEvaluator.rank(p, 1));
        assertEquals(1, WindowEvaluator.rank(p, 2));
        assertEquals(2, WindowEvaluator.rank(p, 0));
        assertEquals(3, WindowEvaluator.rank(p, 3));
    }

    @Test
    void notANumberIsAMissAtEveryK() {
        float[] nan = new float[128];
        Arrays.fill(nan, Float.NaN);
        assertEquals(Integer.MAX_VALUE, WindowEvaluator.rank(nan, 0));
        float[] oneNan = {0.5f, Float.NaN, 0.2f};
        assertEquals(2, WindowEvaluator.rank(oneNan, 2), "a NaN beside the target counts above it");
    }

    @Test
    void aNetworkWhoseWeightsAreNotNumbersScoresNoHitsAndIsFlaggedDiverged() {
        EngineRuntime.start();
        List<Piece> corpus = TestCorpus.pieces(3, 40, 7);
        Encoding encoding = Presets.PITCH_STEP_DURATION.newEncoding().fit(corpus);
        var net = NetworkFactory.build(Presets.PITCH_STEP_DURATION, encoding, TestCorpus.tiny(Presets.PITCH_STEP_DURATION), 3);
        net.params().assign(Float.NaN); // what a run that diverged leaves
        List<EncodedPiece> encoded = new ArrayList<>();
        for (Piece piece : corpus) encoded.add(encoding.encode(piece));
        List<Window> windows = Window.over(encoded, 8, 4);
        EvalResult r = new WindowEvaluator(net, Presets.PITCH_STEP_DURATION.heads(encoding.streams()),
                new WindowBatches(encoding)).evaluate(windows, 16, null);
        assertEquals(0.0, r.top1());
        assertEquals(0.0, r.top5(), "not 100 %: every class tied at NaN");
        assertTrue(r.diverged());
        assertEquals(windows.size(), r.nonFiniteWindows());
    }
}
