package studio.rondo.engine.model;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.Performance;
import studio.rondo.engine.encoding.Window;
import studio.rondo.music.Piece;

class NetworkFactoryTest {
    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    static Encoding fitted(Preset p, List<Piece> corpus) {
        return p.newEncoding().fit(corpus);
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetBuildsWithOneHeadPerStreamAndStepsLikeItRunsWindows(Preset preset) {
        List<Piece> corpus = TestCorpus.pieces(1, 40, 1);
        Encoding enc = fitted(preset, corpus);
        Hyperparameters hp = TestCorpus.tiny(preset);
        ComputationGraph net = NetworkFactory.build(preset, enc, hp, 7);
        assertEquals(enc.streams().size(), net.getNumOutputArrays());
        assertEquals(RecipeParameters.of(preset, hp, enc), net.numParams(), "the parameters the network allocated");

        var piece = enc.encode(corpus.get(0));
        Window w = Window.over(piece, hp.seqLen(), 1).get(0);
        InputLayout layout = InputLayout.of(enc);
        float[] buf = new float[layout.features() * hp.seqLen()];
        layout.write(w, buf, 0);
        INDArray x = Nd4j.create(buf, new long[]{1, layout.features(), hp.seqLen()}, 'c');
        INDArray[] whole = net.output(x);
        for (int h = 0; h < whole.length; h++) whole[h] = TestCorpus.lastStep(whole[h]);
        for (int h = 0; h < whole.length; h++) assertEquals(enc.streams().get(h).size(), whole[h].size(1));

        // The generator steps with rnnTimeStep: feeding the window one step at a time must give the
        // same last-step outputs as the whole window. Each step is a fresh array: with a view of the
        // window, DL4J's SubsetVertex yields a rank-0 array in rnnTimeStep (three-stream, velocity-aware).
        net.rnnClearPreviousState();
        INDArray[] stepped = null;
        for (int t = 0; t < hp.seqLen(); t++)
            stepped = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1)).dup());
        for (int h = 0; h < whole.length; h++)
            assertArrayEquals(whole[h].toFloatVector(), TestCorpus.lastStep(stepped[h]).reshape(whole[h].shape()).toFloatVector(), 1e-4f, "head " + h);
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetHasTheParametersItsRecipeAddsUpTo(Preset preset) {
        Encoding enc = fitted(preset, TestCorpus.pieces(2, 120, 3));
        for (Hyperparameters hp : List.of(preset.defaults(), preset.seedRecipe())) {
            for (LstmFactory lstm : List.of(LstmLayers.STOCK, LstmLayers.FUSED)) {
                var conf = NetworkFactory.configure(preset, enc.streams(), hp, 1, lstm);
                assertEquals(RecipeParameters.of(preset, hp, enc), NetworkFactory.parameterCount(conf), preset.id() + " " + hp);
            }
        }
    }

    @Test
    void performancesLaptopVariantIsTwoLayersOf256() {
        var small = NetworkFactory.configure(Presets.PERFORMANCE, new Performance().streams(), ((studio.rondo.engine.preset.performance.PerformancePreset) Presets.PERFORMANCE).small(), 1,
                LstmLayers.current());
        // 388 events -> LSTM 256 -> LSTM 256 -> 388
        assertEquals(4L * 256 * (388 + 256 + 1) + 4L * 256 * (256 + 256 + 1) + 256 * 388 + 388, NetworkFactory.parameterCount(small));
    }

    static org.deeplearning4j.nn.conf.layers.Layer layer(org.deeplearning4j.nn.conf.ComputationGraphConfiguration conf, String name) {
        return ((org.deeplearning4j.nn.conf.graph.LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer();
    }

    @Test
    void velocityAwareEmbedsAllPitches() {
        var conf = NetworkFactory.configure(Presets.VELOCITY_AWARE, Presets.VELOCITY_AWARE.newEncoding().streams(),
                Presets.VELOCITY_AWARE.defaults(), 1, LstmLayers.current());
        assertEquals(128L * 8, conf.getVertices().get("pitch_embedding").numParams(true));
    }

    @Test
    void dropoutIsBetweenTheLstmLayersNotOnTheInput() {
        var conf = NetworkFactory.configure(Presets.PITCH_STEP_DURATION, Presets.PITCH_STEP_DURATION.newEncoding().streams(),
                Presets.PITCH_STEP_DURATION.defaults(), 1, LstmLayers.current());
        assertNull(layer(conf, "lstm_1").getIDropout(), "no dropout on the input");
        assertNotNull(layer(conf, "lstm_2").getIDropout(), "dropout between the LSTM layers");
    }
}
