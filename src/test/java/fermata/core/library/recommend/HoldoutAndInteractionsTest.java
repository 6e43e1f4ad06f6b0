package fermata.core.library.recommend;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoldoutAndInteractionsTest {
    @Test
    void repeatedPairsAddUpAndRowsAreSorted() {
        Interactions m = SyntheticFeedback.fromTriples(2, 5, List.of(new int[] {0, 4, 2}, new int[] {0, 1, 1}, new int[] {0, 4, 3},
                new int[] {1, 0, 7}));
        assertArrayEquals(new int[] {1, 4}, m.itemsOf(0));
        assertArrayEquals(new double[] {1, 5}, m.playsOf(0));
        assertEquals(3, m.entries());
        assertArrayEquals(new int[] {1, 1, 0, 0, 1}, m.listenersPerItem());
        Interactions t = m.transposed();
        assertArrayEquals(new int[] {0}, t.itemsOf(4));
        assertArrayEquals(new double[] {5}, t.playsOf(4));
        assertThrows(IllegalArgumentException.class, () -> Interactions.of(1, 2, new int[] {0}, new int[] {2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Interactions.of(1, 2, new int[] {0}, new int[] {1}, new double[] {0}));
    }

    @Test
    void holdsOutATwentiethRoundedPerListenerAndPartitionsTheRow() {
        Interactions all = SyntheticFeedback.random(300, 500, 40, 3);
        Holdout split = Holdout.split(all, 0.2, 42);
        for (int u = 0; u < all.users(); u++) {
            int n = all.rowLength(u);
            int expected = n < 2 ? 0 : Math.max(1, (int) Math.round(0.2 * n));
            int[] held = split.heldOut()[u];
            assertEquals(expected, held.length, "listener " + u + " with " + n + " items");
            int[] union = new int[n];
            System.arraycopy(held, 0, union, 0, held.length);
            System.arraycopy(split.train().itemsOf(u), 0, union, held.length, n - held.length);
            Arrays.sort(union);
            assertArrayEquals(all.itemsOf(u), union, "train and held-out items partition the row");
            for (int item : held) {
                assertFalse(split.train().contains(u, item));
            }
        }
        assertArrayEquals(split.heldOut()[7], Holdout.split(all, 0.2, 42).heldOut()[7], "same seed, same split");
        boolean anyDifferent = false;
        Holdout other = Holdout.split(all, 0.2, 43);
        for (int u = 0; u < all.users(); u++) {
            anyDifferent |= !Arrays.equals(split.heldOut()[u], other.heldOut()[u]);
        }
        assertTrue(anyDifferent, "another seed, another split");
        assertNotEquals(0, split.train().entries());
    }
}
