package fermata.core.mix;

/**
 * Finds clicks and crackle as outliers of a linear prediction and interpolates over them. Per
 * block, an autoregressive model of order {@value #ORDER} is fitted (autocorrelation method,
 * Levinson-Durbin); a sample whose prediction error exceeds {@value #THRESHOLD} robust standard
 * deviations (1.4826 times the median absolute error) starts a click, which runs until the error
 * has been quiet for {@value #ORDER} samples. Each click, if at most {@value #MAX_CLICK_MS} ms
 * long, is replaced by the model's forward prediction from before it cross-faded with its backward
 * prediction from after it. Longer events are left alone: they are music, not clicks.
 */
final class ClickRemover {
    static final int ORDER = 24;
    static final double THRESHOLD = 7;
    static final double MAX_CLICK_MS = 3;
    private static final int BLOCK = 4096;

    private ClickRemover() {
    }

    /** Repairs clicks in place; returns how many were repaired. */
    static int remove(float[] x, int sampleRate) {
        int maxLength = (int) Math.round(MAX_CLICK_MS / 1000 * sampleRate);
        int repaired = 0;
        double[] residual = new double[BLOCK];
        for (int start = ORDER; start < x.length - ORDER; start += BLOCK) {
            int end = Math.min(x.length - ORDER, start + BLOCK);
            double[] a = fit(x, Math.max(0, start - BLOCK / 2), Math.min(x.length, end + BLOCK / 2));
            if (a == null) {
                continue;
            }
            int n = end - start;
            for (int i = 0; i < n; i++) {
                residual[i] = Math.abs(x[start + i] - predictForward(x, start + i, a));
            }
            double sigma = 1.4826 * median(residual, n);
            if (sigma <= 0) {
                continue;
            }
            double limit = THRESHOLD * sigma;
            int i = 0;
            while (i < n) {
                if (residual[i] <= limit) {
                    i++;
                    continue;
                }
                int clickStart = i;
                int last = i;
                int j = i + 1;
                while (j < n && j - last <= ORDER) {
                    if (residual[j] > limit) {
                        last = j;
                    }
                    j++;
                }
                int from = start + clickStart - 1;
                int to = start + last + 2;
                if (to - from <= maxLength && from >= ORDER && to + ORDER < x.length) {
                    interpolate(x, from, to, a);
                    repaired++;
                }
                i = last + 1;
            }
        }
        return repaired;
    }

    /** AR coefficients a[1..ORDER] (a[0] unused) of x[from, to), or null for silence. */
    private static double[] fit(float[] x, int from, int to) {
        double[] r = new double[ORDER + 1];
        for (int lag = 0; lag <= ORDER; lag++) {
            double sum = 0;
            for (int i = from + lag; i < to; i++) {
                sum += (double) x[i] * x[i - lag];
            }
            r[lag] = sum;
        }
        if (r[0] <= 1e-12) {
            return null;
        }
        r[0] *= 1.0 + 1e-9;
        double[] a = new double[ORDER + 1];
        double[] previous = new double[ORDER + 1];
        double error = r[0];
        for (int m = 1; m <= ORDER; m++) {
            double acc = r[m];
            for (int j = 1; j < m; j++) {
                acc -= a[j] * r[m - j];
            }
            double k = acc / error;
            System.arraycopy(a, 0, previous, 0, m);
            a[m] = k;
            for (int j = 1; j < m; j++) {
                a[j] = previous[j] - k * previous[m - j];
            }
            error *= 1 - k * k;
            if (error <= 0) {
                break;
            }
        }
        return a;
    }

    private static double predictForward(float[] x, int at, double[] a) {
        double sum = 0;
        for (int j = 1; j <= ORDER; j++) {
            sum += a[j] * x[at - j];
        }
        return sum;
    }

    /** Replaces x[from, to) by forward and backward AR extrapolations, cross-faded. */
    private static void interpolate(float[] x, int from, int to, double[] a) {
        int length = to - from;
        double[] forward = new double[ORDER + length];
        for (int j = 0; j < ORDER; j++) {
            forward[j] = x[from - ORDER + j];
        }
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (int j = 1; j <= ORDER; j++) {
                sum += a[j] * forward[ORDER + i - j];
            }
            forward[ORDER + i] = sum;
        }
        double[] backward = new double[ORDER + length];
        for (int j = 0; j < ORDER; j++) {
            backward[j] = x[to + ORDER - 1 - j];
        }
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (int j = 1; j <= ORDER; j++) {
                sum += a[j] * backward[ORDER + i - j];
            }
            backward[ORDER + i] = sum;
        }
        for (int i = 0; i < length; i++) {
            double w = 0.5 - 0.5 * Math.cos(Math.PI * (i + 1) / (length + 1));
            double f = forward[ORDER + i];
            double b = backward[ORDER + length - 1 - i];
            x[from + i] = (float) ((1 - w) * f + w * b);
        }
    }

    private static double median(double[] values, int n) {
        double[] copy = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(copy);
        return copy[n / 2];
    }
}
