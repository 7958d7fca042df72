package studio.rondo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.LstmLayers;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.preset.Presets;

class TrainingFlopsTest {
    /** The reference: one-hot pitch 128 + step + duration in, LSTM 1x128, heads on the last of 50 steps. */
    private static final Hyperparameters REFERENCE = Presets.PITCH_STEP_DURATION.seedRecipe().toBuilder().hidden(128).layers(1).dropout(0).build();

    @Test
    void countsTheReferenceByHand() {
        EngineRuntime.start();
        var streams = Presets.PITCH_STEP_DURATION.nominalStreams();
        // Nominal, per step: 2 x 4H x (I + H) = 2 x 512 x 258, three times (forward, two gradients), 50 steps;
        // heads: 2 x 128 x (128 + 1 + 1), three times, once.
        double heads = 3 * 2.0 * 128 * 130;
        double nominal = 50 * 3 * 2.0 * 512 * 258 + heads;
        // The fused layer gathers the 128 one-hot rows (a 512-wide row add forward and back) and has no input gradient.
        double fusedStep = 2 * (2.0 * 512 * (2 + 128) + 512) + 2.0 * 512 * 128;
        TrainingFlops fused = TrainingFlops.perWindow(NetworkFactory.configure(Presets.PITCH_STEP_DURATION, streams, REFERENCE, 1, LstmLayers.FUSED),
                50, false);
        assertEquals(nominal, fused.nominal(), 1e-6);
        assertEquals(50 * fusedStep + heads, fused.executed(), 1e-6);
        TrainingFlops stock = TrainingFlops.perWindow(NetworkFactory.configure(Presets.PITCH_STEP_DURATION, streams, REFERENCE, 1, LstmLayers.STOCK),
                50, false);
        assertEquals(nominal, stock.nominal(), 1e-6);
        assertEquals(nominal, stock.executed(), 1e-6, "DL4J's LSTM multiplies by the one-hot input");
    }

    @Test
    void everyStepHeadsWorkAtEveryStep() {
        EngineRuntime.start();
        Hyperparameters every = REFERENCE.toBuilder().everyStep(true).build();
        var streams = Presets.PITCH_STEP_DURATION.nominalStreams();
        TrainingFlops last = TrainingFlops.perWindow(NetworkFactory.configure(Presets.PITCH_STEP_DURATION, streams, REFERENCE, 1, LstmLayers.FUSED), 50, false);
        TrainingFlops all = TrainingFlops.perWindow(NetworkFactory.configure(Presets.PITCH_STEP_DURATION, streams, every, 1, LstmLayers.FUSED), 50, true);
        assertEquals(49 * 3 * 2.0 * 128 * 130, all.executed() - last.executed(), 1e-6);
    }
}
