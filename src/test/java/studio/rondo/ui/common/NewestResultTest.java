package studio.rondo.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewestResultTest {

    @Test
    void anOlderJobFinishingAfterANewerOneIsNotShown() {
        NewestResult r = new NewestResult();
        long older = r.start(), newer = r.start();
        assertTrue(r.show(newer));
        assertFalse(r.show(older), "the older listing would bring back a stale folder");
    }

    @Test
    void jobsFinishingInOrderAreAllShown() {
        NewestResult r = new NewestResult();
        long a = r.start(), b = r.start();
        assertTrue(r.show(a));
        assertTrue(r.show(b));
        assertTrue(r.show(r.start()));
    }
}
