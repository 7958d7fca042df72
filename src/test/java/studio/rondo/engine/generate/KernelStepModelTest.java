package studio.rondo.engine.generate;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.generate.graph.Perturb;
import studio.rondo.engine.lstm.Kernels;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.model.LstmFactory;
import studio.rondo.engine.model.LstmLayers;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;

/** The batch-1 kernel steps every preset's network as DL4J's rnnTimeStep does, to float precision. */
class KernelStepModelTest {
    static final int PRIMED = 5;

    static Stream<Arguments> presetsLstmsAndKernels() {
        List<Kernels> kernels = new ArrayList<>(List.of(Kernels.scalar()));
        Kernels.vector().ifPresent(kernels::add);
        List<Arguments> out = new ArrayList<>();
        for (Preset p : Presets.all())
            for (String lstm : List.of("stock", "fused"))
                for (Kernels k : kernels) out.add(Arguments.of(p, lstm, k.name()));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1} LSTM, {2} kernels")
    @MethodSource("presetsLstmsAndKernels")
    void stepsLikeRnnTimeStepForEveryPreset(Preset preset, String lstm, String kernelName) {
        Encoding enc = GenFixtures.encoding(preset);
        ComputationGraph net = Perturb.params(network(preset, lstm.equals("fused") ? LstmLayers.FUSED : LstmLayers.STOCK), 11);
        InputLayout layout = InputLayout.of(enc);
        Kernels kernels = kernelName.equals("scalar") ? Kernels.scalar() : Kernels.vector().orElseThrow();
        KernelStepModel fast = KernelStepModel.of(net, layout.features(), kernels).orElseThrow();
        assertEquals(kernelName, fast.kernelName());

        float[][] steps = steps(enc, layout, 24);
        StepModel reference = new Dl4jStepModel(net, layout.features());
        // Twice, to see that reset forgets everything.
        for (int round = 0; round < 2; round++) {
            reference.reset();
            fast.reset();
            float[][] a = reference.prime(Arrays.copyOf(steps, PRIMED));
            float[][] b = fast.prime(Arrays.copyOf(steps, PRIMED));
            for (int i = PRIMED; ; i++) {
                assertEquals(a.length, b.length, "heads");
                for (int h = 0; h < a.length; h++) {
                    double d = Perturb.worstRelative(a[h], b[h]);
                    assertTrue(d < 1e-4, preset + " step " + i + " head " + h + ": " + d + "\n" + Arrays.toString(a[h]) + "\n" + Arrays.toString(b[h]));
                }
                if (i == steps.length) break;
                a = reference.step(steps[i]);
                b = fast.step(steps[i]);
            }
        }
    }

    @ParameterizedTest
    @PresetSource
    void fastestIsTheKernelModelForEveryPreset(Preset preset) {
        StepModel m = KernelStepModel.fastest(loaded(preset, GenFixtures.net(preset)));
        assertInstanceOf(KernelStepModel.class, m, preset.id());
        assertEquals(GenFixtures.encoding(preset).inputFeatures(), m.inputFeatures());
    }

    @Test
    void declinesANetworkWithAnUnsupportedLayerAndFastestFallsBackToDl4j() {
        Encoding enc = GenFixtures.encoding(Presets.TF_TUTORIAL);
        int features = enc.inputFeatures();
        // A simple RNN: a recurrent layer the graph stepper does not know.
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(features))
                .addLayer("rnn", new SimpleRnn.Builder().nOut(8).activation(Activation.TANH).build(), "in")
                .addVertex("last", new LastTimeStepVertex("in"), "rnn")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build(), "last")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        assertTrue(KernelStepModel.of(net, features).isEmpty());
        assertInstanceOf(Dl4jStepModel.class, KernelStepModel.fastest(loaded(Presets.TF_TUTORIAL, net)));
    }

    private static ComputationGraph network(Preset preset, LstmFactory lstm) {
        EngineRuntime.start();
        ComputationGraph net = new ComputationGraph(NetworkFactory.configure(preset, GenFixtures.encoding(preset).streams(),
                TestCorpus.tiny(preset), 3, lstm));
        net.init();
        return net;
    }

    private static float[][] steps(Encoding enc, InputLayout layout, int count) {
        EncodedPiece piece = enc.encode(GenFixtures.CORPUS.get(1));
        assertTrue(piece.length() >= count, "piece too short: " + piece.length());
        float[][] steps = new float[count][layout.features()];
        for (int i = 0; i < count; i++) layout.write(piece.step(i), steps[i]);
        return steps;
    }

    private static LoadedModel loaded(Preset preset, ComputationGraph net) {
        Encoding enc = GenFixtures.encoding(preset);
        ModelInfo info = new ModelInfo(ModelStore.FORMAT_VERSION, preset.id(), enc.spec(), TestCorpus.tiny(preset),
                new ModelInfo.TrainingSettings(5, 0.1, 2, 1, 0), List.of(), new ModelInfo.Progress(0, 0, 0, 0),
                new ModelInfo.CorpusInfo("x", 1, 1, List.of()), null, net.numParams(), "now", null);
        return new LoadedModel(net, info);
    }
}
