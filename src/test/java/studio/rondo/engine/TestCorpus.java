package studio.rondo.engine;

import studio.rondo.engine.preset.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/** Small learnable pieces built in code, and tiny network sizes, for engine tests. */
public final class TestCorpus {
    public static final int PPQ = 480;

    private TestCorpus() {
    }

    /**
     * Pieces that repeat a short pattern (a scale figure with a chord every bar) from a random
     * starting pitch: easy to learn, so a falling loss is a real signal within two short epochs.
     */
    public static List<Piece> pieces(int count, int notesPerPiece, long seed) {
        Random r = new Random(seed);
        TempoMap map = TempoMap.constant(PPQ, 120);
        List<Piece> out = new ArrayList<>();
        int[] figure = {0, 2, 4, 5, 7, 5, 4, 2};
        for (int p = 0; p < count; p++) {
            int root = 55 + r.nextInt(12);
            List<Note> notes = new ArrayList<>();
            long tick = 0;
            for (int i = 0; notes.size() < notesPerPiece; i++) {
                int pitch = root + figure[i % figure.length];
                long len = PPQ / 2;
                notes.add(note(map, pitch, 64 + (i % 4) * 10, tick, tick + len));
                if (i % 8 == 0) {
                    notes.add(note(map, root - 12, 50, tick, tick + 4 * len));
                    notes.add(note(map, root - 5, 50, tick, tick + 4 * len));
                }
                tick += len;
            }
            out.add(new Piece("piece-" + p, notes, map, PieceMetadata.empty()));
        }
        return out;
    }

    private static Note note(TempoMap map, int pitch, int velocity, long start, long end) {
        return new Note(pitch, velocity, 0, 0, start, end, map.secondsAt(start), map.secondsAt(end));
    }

    /** The preset's recipe shrunk to test size (hidden 8-16, seq 8, batch 16). */
    public static Hyperparameters tiny(Preset preset) {
        return preset.defaults().toBuilder().seqLen(8).batch(16).hidden(16)
                .layers(Math.min(2, preset.defaults().layers()))
                .branchHidden(8).dense(preset.defaults().dense() > 0 ? 16 : 0).warmup(3).learningRate(preset == Presets.CHORD_TOKENS ? 3e-3 : 5e-3).build();
    }

    /** A head's output at the last time step: every-step heads give [batch, size, time], last-step heads [batch, size]. */
    public static org.nd4j.linalg.api.ndarray.INDArray lastStep(org.nd4j.linalg.api.ndarray.INDArray out) {
        if (out.rank() != 3) return out;
        return out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(out.size(2) - 1)).dup();
    }
}
