package studio.rondo.engine.train;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.Preset;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/** A short run on real music: the shared Mozart set, when the build can see it. */
class MozartTrainingTest {

    static List<Piece> mozart(int count) throws Exception {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set; Mozart training test skipped");
        Path dir = Path.of(shared, "data", "midi", "piano-midi-de", "mozart");
        assumeTrue(Files.isDirectory(dir), "no shared Mozart set at " + dir + "; Mozart training test skipped");
        List<Path> files = MidiImport.midiFilesUnder(dir);
        List<Piece> pieces = new ArrayList<>();
        for (MidiImport.Result r : MidiImport.readAll(files.subList(0, Math.min(count, files.size())), ReadOptions.DEFAULT))
            if (r.ok()) pieces.add(r.piece());
        return pieces;
    }

    @Test
    void chordTokensTrainsOnMozartWithVocabulariesFromTheTrainingPiecesOnly() throws Exception {
        List<Piece> pieces = mozart(4);
        TrainingConfig c = TrainingConfig.of(Presets.CHORD_TOKENS, 1).withHyperparameters(TestCorpus.tiny(Presets.CHORD_TOKENS))
                .withSplit(0.25, 1).withMaxBatches(4);
        TrainingResult r = new Trainer(c, null).train(pieces);
        EpochMetrics m = r.info().history().get(0);
        assertTrue(Double.isFinite(m.trainLoss()) && Double.isFinite(m.valLoss()) && Double.isFinite(m.valNll()), m.toString());
        assertEquals(1, r.info().corpus().validationPieces().size());
        // The token vocabulary was fitted on the three training pieces: unseen chords of the held-out
        // piece encode as <unk> rather than widening the vocabulary.
        int vocab = r.encoding().streams().get(0).size();
        CorpusSplit split = CorpusSplit.of(pieces, 0.25, 1);
        assertEquals(studio.rondo.engine.preset.Presets.CHORD_TOKENS.newEncoding().fit(split.train()).streams().get(0).size(), vocab);
        double total = 0;
        for (double p : r.info().unigram()) total += p;
        assertEquals(1.0, total, 1e-9);
    }
}
