package studio.rondo.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void followsTheBundledPianoModelsOwnValidationCurve() {
        double unigram = 3.965; // the corpus baseline of its held-out windows
        assertEquals(Readiness.LEARNING_NOTES, Readiness.of(3.669, unigram, 0.082), "epoch 1");
        assertEquals(Readiness.LEARNING_HARMONY, Readiness.of(3.217, unigram, 0.154), "epoch 3");
        assertEquals(Readiness.READY, Readiness.of(2.990, unigram, 0.201), "epoch 5");
        assertEquals(Readiness.STRONG, Readiness.of(2.470, unigram, 0.353), "epoch 19");
    }

    @Test
    void needsBothALowNllAndAccuracyToCallAModelReady() {
        assertEquals(Readiness.LEARNING_HARMONY, Readiness.of(2.9, 3.965, 0.10), "a low NLL alone (real heads) is not enough");
        assertEquals(Readiness.UNKNOWN, Readiness.of(null, 3.9, null), "no validation pieces");
        assertEquals(Readiness.UNKNOWN, Readiness.of(2.0, null, 0.3));
    }
}
