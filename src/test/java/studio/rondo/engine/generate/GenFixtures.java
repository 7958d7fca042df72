package studio.rondo.engine.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.music.Piece;

/** Untrained tiny networks per preset (weights do not matter for the mechanics under test). */
final class GenFixtures {
    static final List<Piece> CORPUS = TestCorpus.pieces(3, 48, 5);
    private static final Map<Preset, Encoding> ENCODINGS = new java.util.HashMap<>();
    private static final Map<Preset, ComputationGraph> NETS = new java.util.HashMap<>();

    private GenFixtures() {
    }

    static synchronized Encoding encoding(Preset p) {
        return ENCODINGS.computeIfAbsent(p, k -> {
            Encoding e = k.newEncoding();
            return e.fitted() ? e : e.fit(CORPUS);
        });
    }

    static synchronized ComputationGraph net(Preset p) {
        EngineRuntime.start();
        return NETS.computeIfAbsent(p, k -> NetworkFactory.build(k, encoding(k), TestCorpus.tiny(k), 3));
    }

    static Generator generator(Preset p) {
        return new Generator(new Dl4jStepModel(net(p), encoding(p).inputFeatures()), encoding(p));
    }

    static Primer primer(int notes) {
        return Primer.firstNotes(CORPUS.get(0), notes);
    }
}
