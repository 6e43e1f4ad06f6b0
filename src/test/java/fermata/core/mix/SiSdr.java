package fermata.core.mix;

/** Scale-invariant signal-to-distortion ratio (Le Roux et al. 2019), the usual score of speech and music enhancement. */
final class SiSdr {
    private SiSdr() {
    }

    /** SI-SDR in dB of {@code estimate} against {@code reference}, over their common length. */
    static double of(float[] reference, float[] estimate) {
        int n = Math.min(reference.length, estimate.length);
        double dot = 0;
        double refEnergy = 0;
        for (int i = 0; i < n; i++) {
            dot += (double) reference[i] * estimate[i];
            refEnergy += (double) reference[i] * reference[i];
        }
        double alpha = dot / refEnergy;
        double target = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            double t = alpha * reference[i];
            double e = estimate[i] - t;
            target += t * t;
            error += e * e;
        }
        return 10 * Math.log10(target / error);
    }

    /** The best SI-SDR over shifts of {@code estimate} by -maxLag..maxLag samples, for tools that delay their output. */
    static double bestOverLags(float[] reference, float[] estimate, int maxLag) {
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            float[] shifted = new float[reference.length];
            for (int i = 0; i < shifted.length; i++) {
                int j = i + lag;
                shifted[i] = j >= 0 && j < estimate.length ? estimate[j] : 0f;
            }
            best = Math.max(best, of(reference, shifted));
        }
        return best;
    }
}
