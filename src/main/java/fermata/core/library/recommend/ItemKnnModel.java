package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item-based nearest neighbours: cosine similarity of binary item columns (who played it), each
 * item keeping its {@code k} most similar items; a listener's score for item j is the sum of the
 * similarities of j to the items in the history that have j among their neighbours.
 */
public final class ItemKnnModel implements RecommenderModel {
    public static final int DEFAULT_NEIGHBOURS = 100;

    private final Interactions train;
    private final int[][] neighbours;
    private final double[][] similarity;

    private ItemKnnModel(Interactions train, int[][] neighbours, double[][] similarity) {
        this.train = train;
        this.neighbours = neighbours;
        this.similarity = similarity;
    }

    public static ItemKnnModel train(Interactions train, int k, Progress progress) throws CancelledException {
        Interactions byItem = train.transposed();
        int n = train.items();
        int[][] neighbours = new int[n][];
        double[][] similarity = new double[n][];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(byItem.rowLength(i));
        }
        progress.update(0, "item-kNN: similarities");
        // Co-occurrence counts of item i with every item, accumulated through i's listeners; rows are independent.
        IntStream.range(0, n).parallel().forEach(new java.util.function.IntConsumer() {
            private final ThreadLocal<double[]> counts = ThreadLocal.withInitial(() -> new double[n]);
            private final ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[n]);

            @Override
            public void accept(int i) {
                if (progress.isCancelled()) {
                    return;
                }
                double[] c = counts.get();
                int[] seen = touched.get();
                int seenCount = 0;
                for (int p = byItem.start(i); p < byItem.end(i); p++) {
                    int u = byItem.itemAt(p);
                    for (int q = train.start(u); q < train.end(u); q++) {
                        int j = train.itemAt(q);
                        if (j != i) {
                            if (c[j] == 0) {
                                seen[seenCount++] = j;
                            }
                            c[j]++;
                        }
                    }
                }
                for (int s = 0; s < seenCount; s++) {
                    int j = seen[s];
                    c[j] = c[j] / (norm[i] * norm[j]);
                }
                int[] best = TopK.select(c, Math.min(k, seenCount), seen, seenCount);
                double[] sim = new double[best.length];
                for (int b = 0; b < best.length; b++) {
                    sim[b] = c[best[b]];
                }
                for (int s = 0; s < seenCount; s++) {
                    c[seen[s]] = 0;
                }
                neighbours[i] = best;
                similarity[i] = sim;
            }
        });
        progress.checkCancelled();
        return new ItemKnnModel(train, neighbours, similarity);
    }

    @Override
    public int items() {
        return neighbours.length;
    }

    @Override
    public void scoreListener(int user, double[] scores) {
        Arrays.fill(scores, 0);
        for (int p = train.start(user); p < train.end(user); p++) {
            addNeighbours(train.itemAt(p), 1, scores);
        }
    }

    @Override
    public void scoreProfile(int[] items, double[] plays, double[] scores) {
        Arrays.fill(scores, 0);
        for (int item : items) {
            addNeighbours(item, 1, scores);
        }
    }

    private void addNeighbours(int item, double weight, double[] scores) {
        int[] near = neighbours[item];
        double[] sim = similarity[item];
        for (int b = 0; b < near.length; b++) {
            scores[near[b]] += weight * sim[b];
        }
    }

    /** The k most similar items to {@code item}, most similar first (for "more like this"). */
    public int[] neighboursOf(int item) {
        return neighbours[item].clone();
    }

    public double[] similaritiesOf(int item) {
        return similarity[item].clone();
    }
}
