package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Steck's EASE (WWW 2019): the item-item weights B = I - P diag(P)^-1 with P = (X'X + lambda I)^-1
 * on the binary listener-by-item matrix X, so that B has a zero diagonal and X B reconstructs X.
 *
 * <p>When there are fewer listeners than items the same B is reached through the listener side
 * (Woodbury): X P = K^-1 X with K = X X' + lambda I, and diag(P)_j = (1 - x_j' K^-1 x_j) / lambda
 * for item column x_j. That inverts an m-by-m matrix instead of an n-by-n one (1,892 instead of
 * 6,000 for HetRec), which is what keeps training within seconds; both ways are exact and agree
 * (tested). Items with fewer than {@code minListeners} listeners stay out and score -infinity.
 */
public final class EaseModel implements RecommenderModel {
    public static final double DEFAULT_LAMBDA = 200;
    public static final int DEFAULT_MIN_LISTENERS = 2;

    private final int items;
    private final int[] kept;
    private final int[] column;
    private final double lambda;
    /** Primal form: kept-by-kept weights B; null in the dual form. */
    private final DMatrixRMaj weights;
    /** Dual form: the training matrix restricted to kept items, K^-1 and diag(P); null in the primal form. */
    private final Interactions train;
    private final Interactions trainByItem;
    private final DMatrixRMaj listenerInverse;
    private final double[] diagonalOfP;

    private EaseModel(int items, int[] kept, int[] column, double lambda, DMatrixRMaj weights, Interactions train,
                      Interactions trainByItem, DMatrixRMaj listenerInverse, double[] diagonalOfP) {
        this.items = items;
        this.kept = kept;
        this.column = column;
        this.lambda = lambda;
        this.weights = weights;
        this.train = train;
        this.trainByItem = trainByItem;
        this.listenerInverse = listenerInverse;
        this.diagonalOfP = diagonalOfP;
    }

    public static EaseModel train(Interactions train, double lambda, int minListeners, Progress progress)
            throws CancelledException {
        return train(train, lambda, minListeners, Form.SMALLER_SIDE, progress);
    }

    /** Which matrix to invert; {@link #SMALLER_SIDE} is always right, the others exist for tests. */
    public enum Form { SMALLER_SIDE, ITEMS, LISTENERS }

    public static EaseModel train(Interactions all, double lambda, int minListeners, Form form, Progress progress)
            throws CancelledException {
        return train(all, lambda, minListeners, Integer.MAX_VALUE, form, progress);
    }

    /**
     * @param maxItems keep at most this many items, the most listened first: the inverse costs the
     *     cube of the smaller side, so a personal library of 50,000 tracks and as many sessions is
     *     modelled on its {@code maxItems} most played tracks
     */
    public static EaseModel train(Interactions all, double lambda, int minListeners, int maxItems, Form form, Progress progress)
            throws CancelledException {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive: " + lambda);
        }
        int[] listeners = all.listenersPerItem();
        int[] column = new int[all.items()];
        Arrays.fill(column, -1);
        int[] kept = IntStream.range(0, all.items()).filter(i -> listeners[i] >= Math.max(1, minListeners)).toArray();
        if (kept.length > maxItems) {
            kept = IntStream.of(kept).boxed().sorted((a, b) -> listeners[b] != listeners[a] ? listeners[b] - listeners[a] : a - b)
                    .limit(maxItems).mapToInt(Integer::intValue).sorted().toArray();
        }
        for (int c = 0; c < kept.length; c++) {
            column[kept[c]] = c;
        }
        // X restricted to kept items, binary; rows keep their listener index.
        int[] u = new int[all.entries()];
        int[] it = new int[all.entries()];
        double[] one = new double[all.entries()];
        int n = 0;
        for (int user = 0; user < all.users(); user++) {
            for (int p = all.start(user); p < all.end(user); p++) {
                int c = column[all.itemAt(p)];
                if (c >= 0) {
                    u[n] = user;
                    it[n] = c;
                    one[n] = 1;
                    n++;
                }
            }
        }
        Interactions x = Interactions.of(all.users(), kept.length, Arrays.copyOf(u, n), Arrays.copyOf(it, n), Arrays.copyOf(one, n));
        boolean primal = form == Form.ITEMS || (form == Form.SMALLER_SIDE && kept.length <= all.users());
        progress.update(0.1, "EASE: Gram matrix (" + (primal ? kept.length + " items" : all.users() + " listeners") + ")");
        progress.checkCancelled();
        if (primal) {
            DMatrixRMaj gram = gram(x, kept.length, lambda);
            progress.update(0.3, "EASE: inverting " + kept.length + " x " + kept.length);
            DMatrixRMaj p = new DMatrixRMaj(kept.length, kept.length);
            if (!CommonOps_DDRM.invertSPD(gram, p)) {
                throw new IllegalStateException("EASE: the regularised Gram matrix is not positive definite");
            }
            progress.checkCancelled();
            double[] d = p.data;
            int k = kept.length;
            double[] diagonal = new double[k];
            for (int j = 0; j < k; j++) {
                diagonal[j] = d[j * k + j];
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    d[i * k + j] = i == j ? 0 : -d[i * k + j] / diagonal[j];
                }
            }
            return new EaseModel(all.items(), kept, column, lambda, p, x, null, null, null);
        }
        Interactions byItem = x.transposed();
        DMatrixRMaj k = gram(byItem, all.users(), lambda);
        progress.update(0.3, "EASE: inverting " + all.users() + " x " + all.users());
        DMatrixRMaj kInverse = new DMatrixRMaj(all.users(), all.users());
        if (!CommonOps_DDRM.invertSPD(k, kInverse)) {
            throw new IllegalStateException("EASE: the regularised listener Gram matrix is not positive definite");
        }
        progress.checkCancelled();
        double[] diagonal = new double[kept.length];
        int m = all.users();
        double[] ki = kInverse.data;
        IntStream.range(0, kept.length).parallel().forEach(j -> {
            double quadratic = 0;
            for (int a = byItem.start(j); a < byItem.end(j); a++) {
                int row = byItem.itemAt(a) * m;
                for (int b = byItem.start(j); b < byItem.end(j); b++) {
                    quadratic += ki[row + byItem.itemAt(b)];
                }
            }
            diagonal[j] = (1 - quadratic) / lambda;
        });
        return new EaseModel(all.items(), kept, column, lambda, null, x, byItem, kInverse, diagonal);
    }

    /** R'R + lambda I for a binary sparse R whose columns number {@code size}: pairs within each row. */
    private static DMatrixRMaj gram(Interactions rows, int size, double lambda) {
        DMatrixRMaj g = new DMatrixRMaj(size, size);
        double[] d = g.data;
        for (int r = 0; r < rows.users(); r++) {
            for (int a = rows.start(r); a < rows.end(r); a++) {
                int row = rows.itemAt(a) * size;
                for (int b = rows.start(r); b < rows.end(r); b++) {
                    d[row + rows.itemAt(b)] += 1;
                }
            }
        }
        for (int i = 0; i < size; i++) {
            d[i * size + i] += lambda;
        }
        return g;
    }

    @Override
    public int items() {
        return items;
    }

    /** How many items the model ranks (those with enough listeners). */
    public int keptItems() {
        return kept.length;
    }

    @Override
    public void scoreListener(int user, double[] scores) {
        if (weights != null) {
            scoreKept(train.itemsOf(user), scores);
            return;
        }
        int m = train.users();
        double[] reconstruction = new double[kept.length];
        double[] ki = listenerInverse.data;
        for (int v = 0; v < m; v++) {
            double g = ki[user * m + v];
            for (int p = train.start(v); p < train.end(v); p++) {
                reconstruction[train.itemAt(p)] += g;
            }
        }
        double[] own = new double[kept.length];
        for (int p = train.start(user); p < train.end(user); p++) {
            own[train.itemAt(p)] = 1;
        }
        finishDual(own, reconstruction, scores);
    }

    @Override
    public void scoreProfile(int[] profileItems, double[] plays, double[] scores) {
        int[] keptColumns = Arrays.stream(profileItems).map(i -> column[i]).filter(c -> c >= 0).toArray();
        if (weights != null) {
            scoreKept(keptColumns, scores);
            return;
        }
        int m = train.users();
        double[] h = new double[m];
        for (int c : keptColumns) {
            for (int a = trainByItem.start(c); a < trainByItem.end(c); a++) {
                h[trainByItem.itemAt(a)] += 1;
            }
        }
        double[] ki = listenerInverse.data;
        double[] g = new double[m];
        for (int r = 0; r < m; r++) {
            double sum = 0;
            for (int v = 0; v < m; v++) {
                sum += ki[r * m + v] * h[v];
            }
            g[r] = sum;
        }
        double[] t = new double[kept.length];
        for (int v = 0; v < m; v++) {
            if (g[v] != 0) {
                for (int p = train.start(v); p < train.end(v); p++) {
                    t[train.itemAt(p)] += g[v];
                }
            }
        }
        double[] own = new double[kept.length];
        for (int c : keptColumns) {
            own[c] = 1;
        }
        // x P = (x - g'X) / lambda, so that x P D^-1 below matches the listener case, where g'X is (K^-1 X)_u scaled.
        double[] xp = new double[kept.length];
        for (int c = 0; c < kept.length; c++) {
            xp[c] = (own[c] - t[c]) / lambda;
        }
        finishDual(own, xp, scores);
    }

    /** scores = x - (x P) diag(P)^-1 in kept columns, -infinity elsewhere. */
    private void finishDual(double[] own, double[] xp, double[] scores) {
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < kept.length; c++) {
            scores[kept[c]] = own[c] - xp[c] / diagonalOfP[c];
        }
    }

    private void scoreKept(int[] keptColumns, double[] scores) {
        int k = kept.length;
        double[] sum = new double[k];
        double[] b = weights.data;
        for (int c : keptColumns) {
            int row = c * k;
            for (int j = 0; j < k; j++) {
                sum[j] += b[row + j];
            }
        }
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < k; c++) {
            scores[kept[c]] = sum[c];
        }
    }
}
