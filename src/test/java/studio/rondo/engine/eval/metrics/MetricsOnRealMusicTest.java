package studio.rondo.engine.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * The metrics on real music (the shared piano-midi.de files; skipped without them): the checks that
 * would catch a wrong implementation, with the figures printed for the README.
 */
class MetricsOnRealMusicTest {
    private static List<Piece> read(String folder) {
        String shared = System.getProperty("rondo.shared.dir");
        assumeTrue(shared != null, "system property rondo.shared.dir is not set; real-music metrics skipped");
        Path dir = Path.of(shared, "data", "midi", "piano-midi-de", folder);
        assumeTrue(Files.isDirectory(dir), "no shared MIDI data at " + dir);
        List<Piece> out = new ArrayList<>();
        for (MidiImport.Result r : MidiImport.readAll(List.of(dir), ReadOptions.DEFAULT)) if (r.ok() && !r.piece().notes().isEmpty()) out.add(r.piece());
        return out;
    }

    private static List<PieceFeatures> features(List<Piece> pieces) {
        return pieces.stream().map(PieceFeatures::of).toList();
    }

    @Test
    void twoHalvesOfTheMozartSetOverlapHighly() {
        List<Piece> mozart = read("mozart");
        assertEquals(15, mozart.size());
        List<Piece> odd = new ArrayList<>(), even = new ArrayList<>();
        for (int i = 0; i < mozart.size(); i++) (i % 2 == 0 ? even : odd).add(mozart.get(i));
        SetComparison c = ReferenceSet.of(features(even)).compare(features(odd));
        System.out.printf(Locale.ROOT, "Mozart 8 vs 7: mean overlap %.3f, mean KL %.3f, mean raw overlap %.3f%n", c.meanOverlap(), c.meanKl(),
                c.meanRawOverlap());
        assertTrue(c.meanOverlap() > 0.75, "mean overlap " + c.meanOverlap());
    }

    @Test
    void randomPitchesAndRhythmsOverlapLittleWithARealCorpus() {
        List<Piece> mozart = read("mozart");
        List<Piece> random = new ArrayList<>();
        for (int i = 0; i < 15; i++) random.add(Fixtures.randomPiece(500 + i, 600));
        SetComparison c = ReferenceSet.of(features(mozart)).compare(features(random));
        System.out.printf(Locale.ROOT, "random 15 vs Mozart 15: mean overlap %.3f, mean KL %.3f, mean raw overlap %.3f%n", c.meanOverlap(),
                c.meanKl(), c.meanRawOverlap());
        assertTrue(c.meanOverlap() < 0.4, "mean overlap " + c.meanOverlap());
        assertTrue(c.get(Feature.SCALE_CONSISTENCY).overlap() < 0.1, "random pitches fit no scale as Mozart does");
        SetComparison halves = ReferenceSet.of(features(mozart.subList(0, 8))).compare(features(mozart.subList(8, 15)));
        assertTrue(halves.meanOverlap() > c.meanOverlap() + 0.3, halves.meanOverlap() + " vs " + c.meanOverlap());
    }

    @Test
    void aTransposedMozartMovementIsFoundWhole() {
        List<Piece> mozart = read("mozart");
        OriginalityIndex index = OriginalityIndex.build(mozart);
        Piece p = mozart.get(3);
        List<studio.rondo.music.Note> up = p.notes().stream().filter(n -> n.pitch() + 4 <= 127)
                .map(n -> new studio.rondo.music.Note(n.pitch() + 4, n.velocity(), n.channel(), n.track(), n.startTick(), n.endTick(),
                        n.startSeconds(), n.endSeconds())).toList();
        assertEquals(p.notes().size(), up.size());
        Originality o = index.check(p.withNotes(up));
        assertTrue(o.wholePieceCopied(), o.describe());
        assertEquals(p.name(), o.source());
        assertEquals(1.0, o.shareFound(), 1e-12);
    }
}
