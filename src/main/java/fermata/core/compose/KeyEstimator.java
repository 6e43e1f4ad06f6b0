package fermata.core.compose;

/**
 * Estimates the key of a passage from its pitch-class histogram by correlating it with the
 * Krumhansl-Kessler probe-tone profiles rotated to each of the 24 keys, and taking the best.
 */
public final class KeyEstimator {
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    private KeyEstimator() {
    }

    /**
     * @param histogram twelve weights (durations or counts) for C..B
     * @return the key whose profile correlates best; C major for an empty histogram
     */
    public static MusicalKey estimate(double[] histogram) {
        if (histogram.length != 12) {
            throw new IllegalArgumentException("a pitch-class histogram has 12 bins, not " + histogram.length);
        }
        MusicalKey best = MusicalKey.C_MAJOR;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int minor = 0; minor < 2; minor++) {
            double[] profile = minor == 1 ? MINOR : MAJOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double score = correlation(histogram, profile, tonic);
                if (score > bestScore) {
                    bestScore = score;
                    best = new MusicalKey(tonic, minor == 1);
                }
            }
        }
        return best;
    }

    private static double correlation(double[] histogram, double[] profile, int tonic) {
        double meanH = 0;
        double meanP = 0;
        for (int i = 0; i < 12; i++) {
            meanH += histogram[i];
            meanP += profile[i];
        }
        meanH /= 12;
        meanP /= 12;
        double cov = 0;
        double varH = 0;
        double varP = 0;
        for (int pc = 0; pc < 12; pc++) {
            double h = histogram[pc] - meanH;
            double p = profile[Math.floorMod(pc - tonic, 12)] - meanP;
            cov += h * p;
            varH += h * h;
            varP += p * p;
        }
        return varH == 0 ? Double.NEGATIVE_INFINITY : cov / Math.sqrt(varH * varP);
    }
}
