package fermata.core.library.recommend;

/** Every listener gets the same ranking: items by how many listeners played them. */
public final class PopularityModel implements RecommenderModel {
    private final double[] listeners;

    private PopularityModel(double[] listeners) {
        this.listeners = listeners;
    }

    public static PopularityModel train(Interactions train) {
        int[] count = train.listenersPerItem();
        double[] score = new double[count.length];
        for (int i = 0; i < count.length; i++) {
            score[i] = count[i];
        }
        return new PopularityModel(score);
    }

    @Override
    public int items() {
        return listeners.length;
    }

    @Override
    public void scoreListener(int user, double[] scores) {
        System.arraycopy(listeners, 0, scores, 0, listeners.length);
    }

    @Override
    public void scoreProfile(int[] items, double[] plays, double[] scores) {
        System.arraycopy(listeners, 0, scores, 0, listeners.length);
    }
}
