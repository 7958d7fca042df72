package studio.rondo.engine.generate;

import studio.rondo.engine.PresetSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.WindowBatches;

/** Stepping after priming must carry the LSTM state: it equals a full forward pass over the window. */
class StepModelTest {
    static final int T = 12;

    @ParameterizedTest
    @PresetSource
    void primeThenStepEqualsTheLastStepOfAFullForwardPass(Preset preset) {
        Encoding enc = GenFixtures.encoding(preset);
        ComputationGraph net = GenFixtures.net(preset);
        EncodedPiece piece = enc.encode(GenFixtures.CORPUS.get(1));
        INDArray window = new WindowBatches(enc).inputsOnly(List.of(new Window(piece, 0, T + 1))).getFeatures(0);
        INDArray[] full = net.output(false, window);

        InputLayout layout = InputLayout.of(enc);
        float[][] steps = new float[T + 1][layout.features()];
        for (int t = 0; t <= T; t++) layout.write(piece.step(t), steps[t]);

        StepModel m = new Dl4jStepModel(net, layout.features());
        m.reset();
        m.prime(java.util.Arrays.copyOf(steps, T));
        float[][] stepped = m.step(steps[T]);
        m.reset();
        float[][] primedAll = m.prime(steps);
        m.reset();
        m.prime(new float[][]{steps[0]});
        float[][] oneByOne = null;
        for (int t = 1; t <= T; t++) oneByOne = m.step(steps[t]);
        m.reset();
        float[][] withoutState = m.prime(new float[][]{steps[T]});

        boolean differs = false;
        for (int h = 0; h < full.length; h++) {
            float[] expected = studio.rondo.engine.TestCorpus.lastStep(full[h]).toFloatVector();
            assertArrayEquals(expected, stepped[h], 1e-5f, preset + " head " + h + ": prime + step");
            assertArrayEquals(expected, primedAll[h], 1e-5f, preset + " head " + h + ": one priming call");
            assertArrayEquals(expected, oneByOne[h], 1e-5f, preset + " head " + h + ": step by step");
            for (int i = 0; i < expected.length; i++) differs |= Math.abs(expected[i] - withoutState[h][i]) > 1e-6;
        }
        assertFalse(!differs, preset + ": the last step alone gives the same output, so this test proves nothing");
    }
}
