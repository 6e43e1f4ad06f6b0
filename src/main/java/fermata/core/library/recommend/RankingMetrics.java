package fermata.core.library.recommend;

/**
 * Top-K accuracy of one ranked list against the items a listener really played. Recall divides
 * hits by min(K, relevant), so a perfect list scores 1 even when more than K items were held out;
 * NDCG uses binary gains with the ideal list of min(K, relevant) hits.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Hits / min(k, |relevant|); 0 when nothing is relevant. {@code relevant} must be sorted. */
    public static double recall(int[] ranked, int[] relevant, int k) {
        if (relevant.length == 0) {
            return 0;
        }
        return (double) hits(ranked, relevant, k) / Math.min(k, relevant.length);
    }

    /** 1 when any of the first k is relevant. */
    public static double hitRate(int[] ranked, int[] relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    public static double ndcg(int[] ranked, int[] relevant, int k) {
        if (relevant.length == 0) {
            return 0;
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (java.util.Arrays.binarySearch(relevant, ranked[r]) >= 0) {
                dcg += 1 / log2(r + 2);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, relevant.length); r++) {
            ideal += 1 / log2(r + 2);
        }
        return dcg / ideal;
    }

    private static int hits(int[] ranked, int[] relevant, int k) {
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (java.util.Arrays.binarySearch(relevant, ranked[r]) >= 0) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
