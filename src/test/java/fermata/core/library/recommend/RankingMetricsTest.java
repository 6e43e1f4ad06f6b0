package fermata.core.library.recommend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingMetricsTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void handComputedListWithOneHitInTheFirstThree() {
        int[] ranked = {5, 3, 9, 1};
        int[] relevant = {1, 3};
        assertEquals(0.5, RankingMetrics.recall(ranked, relevant, 3), 1e-12, "1 hit / min(3, 2)");
        assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), RankingMetrics.ndcg(ranked, relevant, 3), 1e-12);
        assertEquals(1, RankingMetrics.hitRate(ranked, relevant, 3));
        assertEquals(1.0, RankingMetrics.recall(ranked, relevant, 4), 1e-12);
        assertEquals((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3), RankingMetrics.ndcg(ranked, relevant, 4), 1e-12);
        assertEquals(0, RankingMetrics.hitRate(ranked, relevant, 1));
        assertEquals(0, RankingMetrics.ndcg(ranked, relevant, 1));
    }

    @Test
    void recallDividesByTheListLengthWhenMoreWasHeldOut() {
        int[] relevant = {1, 2, 3, 4, 5};
        assertEquals(1.0, RankingMetrics.recall(new int[] {2, 1}, relevant, 2), 1e-12);
        assertEquals(1.0, RankingMetrics.ndcg(new int[] {2, 1}, relevant, 2), 1e-12);
        assertEquals(0.5, RankingMetrics.recall(new int[] {2, 7}, relevant, 2), 1e-12);
        assertEquals(0, RankingMetrics.recall(new int[] {2}, new int[0], 2));
    }

    @Test
    void topKKeepsTheBestSkipsExcludedAndBreaksTiesByIndex() {
        double[] scores = {0.5, 2, 2, Double.NEGATIVE_INFINITY, 3, 1, Double.NaN};
        boolean[] excluded = new boolean[scores.length];
        excluded[4] = true;
        assertArrayEquals(new int[] {1, 2, 5}, TopK.select(scores, 3, excluded));
        assertArrayEquals(new int[] {4, 1, 2, 5, 0}, TopK.select(scores, 10, null), "never -infinity or NaN");
        assertArrayEquals(new int[0], TopK.select(scores, 0, null));
        assertArrayEquals(new int[] {2, 0}, TopK.select(scores, 2, new int[] {0, 2, 5}, 2));
    }
}
