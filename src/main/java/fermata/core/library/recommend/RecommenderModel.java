package fermata.core.library.recommend;

/**
 * A trained collaborative model: a score for every item, for a listener of the matrix it was
 * trained on or for a new profile (a seed track, the current session). Higher is better; scores
 * of different models are not comparable. Implementations are immutable and thread-safe.
 */
public interface RecommenderModel {
    int items();

    /** Fills {@code scores} (length {@link #items()}) for listener {@code user} of the training matrix. */
    void scoreListener(int user, double[] scores);

    /**
     * Fills {@code scores} for a profile that need not be in the training matrix.
     *
     * @param items   item indices, increasing, without repeats
     * @param plays   how often each was played (positive)
     */
    void scoreProfile(int[] items, double[] plays, double[] scores);
}
