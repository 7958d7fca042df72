package studio.rondo.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.model.Preset;

/** The batch-1 kernel steps the same network as DL4J's rnnTimeStep, to float precision. */
class KernelStepModelTest {
    static final EnumSet<Preset> CHAINS = EnumSet.of(Preset.TF_TUTORIAL, Preset.PITCH_STEP_DURATION, Preset.PERFORMANCE);

    @ParameterizedTest
    @EnumSource(Preset.class)
    void stepsLikeRnnTimeStepWhereTheNetworkIsAChainAndDeclinesOtherwise(Preset preset) {
        Encoding enc = GenFixtures.encoding(preset);
        ComputationGraph net = GenFixtures.net(preset);
        InputLayout layout = InputLayout.of(enc);
        Optional<KernelStepModel> kernel = KernelStepModel.of(net, layout.features());
        assertEquals(CHAINS.contains(preset), kernel.isPresent(), preset + ": kernel chosen");
        if (kernel.isEmpty()) return;

        EncodedPiece piece = enc.encode(GenFixtures.CORPUS.get(1));
        int t = Math.min(20, piece.length());
        float[][] steps = new float[t][layout.features()];
        for (int i = 0; i < t; i++) layout.write(piece.step(i), steps[i]);
        StepModel reference = new Dl4jStepModel(net, layout.features());
        StepModel fast = kernel.get();
        for (StepModel m : new StepModel[] {reference, fast}) m.reset();
        float[][] a = reference.prime(java.util.Arrays.copyOf(steps, 5));
        float[][] b = fast.prime(java.util.Arrays.copyOf(steps, 5));
        for (int i = 5; i <= t; i++) {
            for (int h = 0; h < a.length; h++) assertArrayEquals(a[h], b[h], 2e-5f, preset + " step " + i + " head " + h);
            if (i == t) break;
            a = reference.step(steps[i]);
            b = fast.step(steps[i]);
        }
        assertTrue(a.length >= 1);
    }
}
