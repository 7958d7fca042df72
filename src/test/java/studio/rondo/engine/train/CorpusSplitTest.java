package studio.rondo.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.TestCorpus;
import studio.rondo.music.Piece;

class CorpusSplitTest {
    final List<Piece> pieces = TestCorpus.pieces(20, 10, 3);

    static Set<String> names(List<Piece> ps) {
        Set<String> s = new HashSet<>();
        for (Piece p : ps) s.add(p.name());
        return s;
    }

    @Test
    void noPieceIsOnBothSidesAndNoneIsLost() {
        CorpusSplit s = CorpusSplit.of(pieces, 0.25, 11);
        assertEquals(5, s.validation().size());
        assertEquals(15, s.train().size());
        Set<String> both = names(s.train());
        both.retainAll(names(s.validation()));
        assertTrue(both.isEmpty(), "in both splits: " + both);
        Set<String> all = names(s.train());
        all.addAll(names(s.validation()));
        assertEquals(names(pieces), all);
    }

    @Test
    void sameSeedSameSplitWhateverTheReadingOrder() {
        List<Piece> shuffled = new ArrayList<>(pieces);
        Collections.shuffle(shuffled, new java.util.Random(5));
        assertEquals(names(CorpusSplit.of(pieces, 0.2, 7).validation()), names(CorpusSplit.of(shuffled, 0.2, 7).validation()));
        assertNotEquals(names(CorpusSplit.of(pieces, 0.2, 7).validation()), names(CorpusSplit.of(pieces, 0.2, 8).validation()));
    }

    @Test
    void keepsAtLeastOnePieceOnEachSide() {
        CorpusSplit two = CorpusSplit.of(pieces.subList(0, 2), 0.01, 1);
        assertEquals(1, two.validation().size());
        assertEquals(1, two.train().size());
        assertEquals(0, CorpusSplit.of(pieces.subList(0, 1), 0.5, 1).validation().size());
        assertEquals(0, CorpusSplit.of(pieces, 0, 1).validation().size());
    }
}
