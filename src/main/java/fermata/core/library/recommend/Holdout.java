package fermata.core.library.recommend;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A per-listener random hold-out: a fraction of each listener's items (rounded, at least one when
 * the listener has two or more) is hidden from training and must be found again by the model.
 */
public record Holdout(Interactions train, int[][] heldOut) {

    public static Holdout split(Interactions all, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must lie in (0, 1): " + fraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] held = new int[all.users()][];
        int entries = 0;
        int[] trainUser = new int[all.entries()];
        int[] trainItem = new int[all.entries()];
        double[] trainPlays = new double[all.entries()];
        for (int u = 0; u < all.users(); u++) {
            int[] items = all.itemsOf(u);
            double[] plays = all.playsOf(u);
            int[] order = new int[items.length];
            for (int p = 0; p < order.length; p++) {
                order[p] = p;
            }
            for (int p = order.length - 1; p > 0; p--) {
                int q = random.nextInt(p + 1);
                int swap = order[p];
                order[p] = order[q];
                order[q] = swap;
            }
            int hide = (int) Math.round(fraction * items.length);
            if (items.length >= 2) {
                hide = Math.max(1, Math.min(hide, items.length - 1));
            } else {
                hide = 0;
            }
            held[u] = new int[hide];
            for (int p = 0; p < hide; p++) {
                held[u][p] = items[order[p]];
            }
            Arrays.sort(held[u]);
            for (int p = hide; p < order.length; p++) {
                trainUser[entries] = u;
                trainItem[entries] = items[order[p]];
                trainPlays[entries] = plays[order[p]];
                entries++;
            }
        }
        Interactions train = Interactions.of(all.users(), all.items(), Arrays.copyOf(trainUser, entries),
                Arrays.copyOf(trainItem, entries), Arrays.copyOf(trainPlays, entries));
        return new Holdout(train, held);
    }
}
