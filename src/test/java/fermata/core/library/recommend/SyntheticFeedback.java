package fermata.core.library.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Listening matrices with known structure for the recommender tests. */
final class SyntheticFeedback {
    private SyntheticFeedback() {
    }

    /**
     * {@code clusters} groups of {@code size} items; every listener loves two groups and has played
     * every item of both (1 to 50 plays), nothing else. After a hold-out, the items a listener is
     * missing from its two groups are exactly the held-out ones, so a model that learned the groups
     * ranks them first.
     */
    static Interactions twoFavouriteGroups(int listeners, int clusters, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> triples = new ArrayList<>();
        for (int u = 0; u < listeners; u++) {
            int a = random.nextInt(clusters);
            int b = (a + 1 + random.nextInt(clusters - 1)) % clusters;
            for (int group : new int[] {a, b}) {
                for (int i = 0; i < size; i++) {
                    triples.add(new int[] {u, group * size + i, 1 + random.nextInt(50)});
                }
            }
        }
        return fromTriples(listeners, clusters * size, triples);
    }

    /** Each listener plays {@code perListener} random items of {@code items} with random plays. */
    static Interactions random(int listeners, int items, int perListener, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> triples = new ArrayList<>();
        for (int u = 0; u < listeners; u++) {
            int count = 1 + random.nextInt(perListener);
            for (int t = 0; t < count; t++) {
                triples.add(new int[] {u, random.nextInt(items), 1 + random.nextInt(30)});
            }
        }
        return fromTriples(listeners, items, triples);
    }

    static Interactions fromTriples(int users, int items, List<int[]> triples) {
        int[] u = new int[triples.size()];
        int[] i = new int[triples.size()];
        double[] w = new double[triples.size()];
        for (int t = 0; t < triples.size(); t++) {
            u[t] = triples.get(t)[0];
            i[t] = triples.get(t)[1];
            w[t] = triples.get(t)[2];
        }
        return Interactions.of(users, items, u, i, w);
    }
}
