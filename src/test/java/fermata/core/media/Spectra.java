package fermata.core.media;

/** Plain DFT helpers for tests: slow, obviously correct. */
public final class Spectra {
    private Spectra() {
    }

    /** Magnitude of DFT bin {@code k} of {@code x[start .. start + n)}, no window, scaled so a full-period sine of amplitude a gives a. */
    public static double magnitude(float[] x, int start, int n, int k) {
        double re = 0;
        double im = 0;
        double step = 2 * Math.PI * k / n;
        for (int i = 0; i < n; i++) {
            re += x[start + i] * Math.cos(step * i);
            im -= x[start + i] * Math.sin(step * i);
        }
        return 2 * Math.hypot(re, im) / n;
    }

    /** The frequency of the strongest component, refined between bins by a Hann-windowed parabolic fit. */
    public static double peakFrequency(float[] x, int start, int n, int rate) {
        float[] windowed = new float[n];
        for (int i = 0; i < n; i++) {
            windowed[i] = (float) (x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)));
        }
        int coarse = 1;
        double best = 0;
        int maxBin = (int) ((long) n * 5000 / rate);
        for (int k = 1; k < maxBin; k++) {
            double m = magnitude(windowed, 0, n, k);
            if (m > best) {
                best = m;
                coarse = k;
            }
        }
        double left = Math.log(magnitude(windowed, 0, n, coarse - 1));
        double mid = Math.log(best);
        double right = Math.log(magnitude(windowed, 0, n, coarse + 1));
        double offset = 0.5 * (left - right) / (left - 2 * mid + right);
        return (coarse + offset) * rate / n;
    }
}
