package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void reservedTokensComeFirstThenByCountThenAlphabetically() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("E4", 2, "C4", 5, "D4", 2, "G4", 1), List.of("<unk>"), 1);
        assertEquals(List.of("<unk>", "C4", "D4", "E4", "G4"), v.tokens());
        assertEquals(2, v.indexOf("D4"));
        assertEquals(0, v.indexOrUnknown("F#9"));
        assertEquals(-1, v.indexOf("F#9"));
    }

    @Test
    void restoresTheSameIndicesFromItsStoredTokenList() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("a", 3, "b", 1), List.of(), 1);
        Vocabulary back = Vocabulary.of(List.copyOf(v.tokens()));
        assertEquals(v, back);
        assertEquals(v.indexOf("b"), back.indexOf("b"));
    }

    @Test
    void withoutUnknownTokenAnUnseenTokenIsAnError() {
        Vocabulary v = Vocabulary.of(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> v.indexOrUnknown("b"));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a")));
    }
}
