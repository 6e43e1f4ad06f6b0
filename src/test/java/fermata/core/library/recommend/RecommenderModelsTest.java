package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderModelsTest {
    private static final Interactions GROUPS = SyntheticFeedback.twoFavouriteGroups(400, 10, 8, 11);
    private static final ImplicitAlsModel.Settings SMALL_ALS = new ImplicitAlsModel.Settings(16, 8, 0.01, 2);

    @Test
    void collaborativeModelsRecoverHeldOutItemsOfTheListenersGroupsAndPopularityCannot() throws Exception {
        // Each listener misses only its held-out items from its two groups: a model that learned the
        // groups puts them first (recall@5 near 1); popularity ranks every group alike.
        for (ModelKind kind : ModelKind.values()) {
            OfflineEvaluation.Result r = kind == ModelKind.IALS
                    ? evaluate(GROUPS, ImplicitAlsModel.train(Holdout.split(GROUPS, 0.2, 42).train(), SMALL_ALS, 42, Progress.NONE))
                    : OfflineEvaluation.run(GROUPS, kind, 5, 42, Progress.NONE);
            if (kind == ModelKind.POPULARITY) {
                assertTrue(r.recall() < 0.3, kind + " recall " + r.recall());
            } else {
                assertTrue(r.recall() > 0.95, kind + " recall " + r.recall());
                assertTrue(r.ndcg() > 0.9, kind + " ndcg " + r.ndcg());
                assertEquals(1.0, r.hitRate(), 0.02, kind + " hit rate");
            }
            assertEquals(400, r.listeners());
        }
    }

    /** The same protocol as OfflineEvaluation with an already trained model (to use small ALS settings). */
    private static OfflineEvaluation.Result evaluate(Interactions all, RecommenderModel model) {
        Holdout split = Holdout.split(all, 0.2, 42);
        double recall = 0;
        double ndcg = 0;
        double hits = 0;
        for (int u = 0; u < all.users(); u++) {
            double[] scores = new double[all.items()];
            model.scoreListener(u, scores);
            boolean[] excluded = new boolean[all.items()];
            for (int item : split.train().itemsOf(u)) {
                excluded[item] = true;
            }
            int[] top = TopK.select(scores, 5, excluded);
            recall += RankingMetrics.recall(top, split.heldOut()[u], 5);
            ndcg += RankingMetrics.ndcg(top, split.heldOut()[u], 5);
            hits += RankingMetrics.hitRate(top, split.heldOut()[u], 5);
        }
        int n = all.users();
        return new OfflineEvaluation.Result(ModelKind.IALS, 5, recall / n, ndcg / n, hits / n, 0, 0, 0, n, all.items());
    }

    @Test
    void easeThroughTheListenerSideEqualsEaseThroughTheItemSide() throws CancelledException {
        Interactions m = SyntheticFeedback.random(40, 60, 12, 5);
        EaseModel items = EaseModel.train(m, 7, 2, EaseModel.Form.ITEMS, Progress.NONE);
        EaseModel listeners = EaseModel.train(m, 7, 2, EaseModel.Form.LISTENERS, Progress.NONE);
        assertTrue(items.keptItems() < 60, "some items have one listener and stay out");
        double[] a = new double[60];
        double[] b = new double[60];
        for (int u = 0; u < 40; u++) {
            items.scoreListener(u, a);
            listeners.scoreListener(u, b);
            assertArrayEquals(a, b, 1e-9, "listener " + u);
        }
        int[] profile = {3, 17, 42};
        items.scoreProfile(profile, new double[] {1, 1, 1}, a);
        listeners.scoreProfile(profile, new double[] {1, 1, 1}, b);
        assertArrayEquals(a, b, 1e-9, "a new profile");
    }

    @Test
    void easeMatchesTheClosedFormOnATinyMatrix() throws CancelledException {
        // Three listeners, three items: B = I - P diag(P)^-1 with P = (X'X + I)^-1, computed here by hand with EJML.
        Interactions m = SyntheticFeedback.fromTriples(3, 3, List.of(new int[] {0, 0, 1}, new int[] {0, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 2, 1}, new int[] {2, 0, 1}, new int[] {2, 1, 1}, new int[] {2, 2, 1}));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 1, 0}, {0, 1, 1}, {1, 1, 1}});
        DMatrixRMaj g = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multInner(x, g);
        for (int i = 0; i < 3; i++) {
            g.add(i, i, 1);
        }
        DMatrixRMaj p = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.invert(g, p);
        double[] expected = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i : new int[] {0, 1}) {
                expected[j] += i == j ? 0 : -p.get(i, j) / p.get(j, j);
            }
        }
        double[] scores = new double[3];
        EaseModel.train(m, 1, 1, Progress.NONE).scoreListener(0, scores);
        assertArrayEquals(expected, scores, 1e-12);
    }

    @Test
    void conjugateGradientAlsPredictsWhatExactAlsPredictsAndRepeatsWithTheSeed() throws CancelledException {
        // 24 factors: listener rows (16 entries) are solved exactly by Woodbury, item rows (about 80) by CG.
        Interactions m = GROUPS;
        ImplicitAlsModel.Settings cg = new ImplicitAlsModel.Settings(24, 15, 0.05, 2);
        assertEquals(ImplicitAlsModel.Settings.DEFAULT_CG_STEPS, cg.conjugateGradientSteps());
        ImplicitAlsModel approximate = ImplicitAlsModel.train(m, cg, 3, Progress.NONE);
        ImplicitAlsModel exact = ImplicitAlsModel.train(m, cg.exact(), 3, Progress.NONE);
        ImplicitAlsModel again = ImplicitAlsModel.train(m, cg, 3, Progress.NONE);
        double worst = 0;
        double scale = 0;
        double[] approximateScores = new double[m.items()];
        double[] exactScores = new double[m.items()];
        double[] againScores = new double[m.items()];
        for (int u = 0; u < m.users(); u++) {
            approximate.scoreListener(u, approximateScores);
            exact.scoreListener(u, exactScores);
            again.scoreListener(u, againScores);
            assertArrayEquals(approximateScores, againScores, 0, "same seed, same factors");
            for (int i = 0; i < m.items(); i++) {
                worst = Math.max(worst, Math.abs(approximateScores[i] - exactScores[i]));
                scale = Math.max(scale, Math.abs(exactScores[i]));
            }
        }
        assertTrue(scale > 0.5, "exact ALS predicts played items near 1: " + scale);
        assertTrue(worst < 0.02 * scale, "CG predictions differ from exact ones by up to " + worst + " (scale " + scale + ")");
    }

    @Test
    void alsSolvesShortRowsExactlyAndLongRowsByConjugateGradient() {
        assertEquals(ImplicitAlsModel.RowMethod.WOODBURY, ImplicitAlsModel.methodFor(27, 64, 3));
        assertEquals(ImplicitAlsModel.RowMethod.CONJUGATE_GRADIENT, ImplicitAlsModel.methodFor(28, 64, 3));
        assertEquals(ImplicitAlsModel.RowMethod.WOODBURY, ImplicitAlsModel.methodFor(20, 32, 3));
        assertEquals(ImplicitAlsModel.RowMethod.CONJUGATE_GRADIENT, ImplicitAlsModel.methodFor(21, 32, 3));
        assertEquals(ImplicitAlsModel.RowMethod.CHOLESKY, ImplicitAlsModel.methodFor(500, 12, 3), "CG only pays above about 16 factors");
        for (int n = 1; n < 2_000; n++) {
            assertTrue(ImplicitAlsModel.methodFor(n, 64, 0) != ImplicitAlsModel.RowMethod.CONJUGATE_GRADIENT, "exact settings, " + n + " entries");
        }
    }

    @Test
    void alsItemFactorsSolveTheirNormalEquationsExactly() throws CancelledException {
        // Rows with few entries go through Woodbury, rows with many through Cholesky: both must be exact.
        Interactions m = SyntheticFeedback.random(120, 150, 25, 9);
        ImplicitAlsModel.Settings s = new ImplicitAlsModel.Settings(9, 3, 0.05, 2).exact();
        ImplicitAlsModel model = ImplicitAlsModel.train(m, s, 1, Progress.NONE);
        Interactions byItem = m.transposed();
        int k = s.factors();
        int fewChecked = 0;
        int manyChecked = 0;
        for (int item = 0; item < m.items(); item++) {
            int[] listeners = byItem.itemsOf(item);
            double[] plays = byItem.playsOf(item);
            if (listeners.length == 0) {
                continue;
            }
            DMatrixRMaj a = new DMatrixRMaj(k, k);
            DMatrixRMaj b = new DMatrixRMaj(k, 1);
            for (int u = 0; u < m.users(); u++) {
                double[] x = model.listenerFactor(u);
                int at = java.util.Arrays.binarySearch(listeners, u);
                double c = at >= 0 ? 1 + 2 * Math.log1p(plays[at]) : 1;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        a.add(i, j, c * x[i] * x[j]);
                    }
                    if (at >= 0) {
                        b.add(i, 0, c * x[i]);
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                a.add(i, i, s.regularization());
            }
            DMatrixRMaj y = new DMatrixRMaj(k, 1);
            CommonOps_DDRM.solve(a, b, y);
            assertArrayEquals(y.data, model.itemFactor(item), 1e-8, "item " + item + " with " + listeners.length + " listeners");
            if (ImplicitAlsModel.methodFor(listeners.length, k, 0) == ImplicitAlsModel.RowMethod.WOODBURY) {
                fewChecked++;
            } else {
                manyChecked++;
            }
        }
        assertTrue(fewChecked > 10 && manyChecked > 10, fewChecked + " few, " + manyChecked + " many");
    }

    @Test
    void itemKnnNeighboursAreTheCosineOfListenerSets() throws CancelledException {
        // Items 0 and 1 always together (cosine 1); item 2 shares one of item 0's two listeners (1 / sqrt(2 * 2)).
        Interactions m = SyntheticFeedback.fromTriples(3, 3, List.of(new int[] {0, 0, 1}, new int[] {0, 1, 1},
                new int[] {1, 0, 1}, new int[] {1, 1, 1}, new int[] {1, 2, 1}, new int[] {2, 2, 4}));
        ItemKnnModel knn = ItemKnnModel.train(m, 5, Progress.NONE);
        assertArrayEquals(new int[] {1, 2}, knn.neighboursOf(0));
        assertArrayEquals(new double[] {1, 0.5}, knn.similaritiesOf(0), 1e-12);
        double[] scores = new double[3];
        knn.scoreProfile(new int[] {2}, new double[] {1}, scores);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, scores, 1e-12);
    }

    @Test
    void alsFoldInOfAProfileFavoursItsGroup() throws CancelledException {
        ImplicitAlsModel model = ImplicitAlsModel.train(GROUPS, SMALL_ALS, 3, Progress.NONE);
        double[] scores = new double[GROUPS.items()];
        // Three items of group 4 (items 32..39): the other five of the group should top the ranking.
        model.scoreProfile(new int[] {32, 33, 34}, new double[] {5, 5, 5}, scores);
        boolean[] excluded = new boolean[scores.length];
        excluded[32] = excluded[33] = excluded[34] = true;
        int[] top = TopK.select(scores, 5, excluded);
        java.util.Arrays.sort(top);
        assertArrayEquals(new int[] {35, 36, 37, 38, 39}, top);
    }
}
