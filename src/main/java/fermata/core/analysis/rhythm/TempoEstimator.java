package fermata.core.analysis.rhythm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tempo from the autocorrelation of the onset envelope, read through a comb over multiples of
 * each candidate period ({@link #comb}) and weighted by a log-Gaussian prior over
 * tempo (centred on 120 BPM, one octave wide, as in Ellis 2007 and librosa) that settles the
 * octave ambiguity a periodicity alone leaves: a pulse at 60 BPM repeats at 120 too.
 *
 * <p>The best lag is then refined below one frame by fitting the peaks of the autocorrelation at
 * 1, 2, 3 ... times the period: at 86 frames a second a single peak only resolves about 2.5 BPM
 * at 120 BPM, the k-th multiple resolves k times finer.
 */
public final class TempoEstimator {
    public static final double MIN_BPM = 30;
    public static final double MAX_BPM = 300;
    public static final double PRIOR_CENTRE_BPM = 120;
    public static final double PRIOR_OCTAVES = 1.0;
    public static final double CURVE_WINDOW_SECONDS = 8;
    public static final double CURVE_HOP_SECONDS = 2;
    private static final int MAX_MULTIPLE = 8;
    static final int COMB_MULTIPLES = 4;

    private TempoEstimator() {
    }

    /** The tempo of frames [from, to) of the envelope. */
    public static TempoEstimate estimate(OnsetEnvelope envelope, int from, int to) {
        double[] e = envelope.strength();
        double fps = envelope.frameRate();
        int n = to - from;
        int minLag = (int) Math.floor(fps * 60 / MAX_BPM);
        int maxLag = Math.min((int) Math.ceil(fps * 60 / MIN_BPM), n / 2);
        if (maxLag <= minLag + 2) {
            return new TempoEstimate(0, 0);
        }
        int acfLength = Math.min(n - 1, MAX_MULTIPLE * maxLag + 2);
        double[] acf = new double[acfLength + 1];
        for (int lag = 0; lag <= acfLength; lag++) {
            double sum = 0;
            for (int i = from; i + lag < to; i++) {
                sum += e[i] * e[i + lag];
            }
            acf[lag] = sum;
        }
        int best = -1;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double bpm = fps * 60 / lag;
            double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2) / PRIOR_OCTAVES;
            double score = comb(acf, lag) * Math.exp(-0.5 * octaves * octaves);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0 || acf[0] <= 0) {
            return new TempoEstimate(0, 0);
        }
        double period = refine(acf, best);
        double[] range = Arrays.copyOfRange(acf, minLag, maxLag + 1);
        Arrays.sort(range);
        double median = range[range.length / 2];
        double confidence = (acf[best] - median) / (acf[0] - median);
        return new TempoEstimate(fps * 60 / period, Math.max(0, Math.min(1, confidence)));
    }

    /**
     * The salience of a beat period: the autocorrelation summed at 1 to {@value #COMB_MULTIPLES}
     * times the lag (a comb, as in Davies and Plumbley 2007), each taken as the peak within half
     * a frame per multiple. A beat is a pulse that recurs in bars and phrases too; a single lag
     * lets the half-note level of a fast reel outweigh the quarter note it repeats.
     */
    static double comb(double[] acf, int lag) {
        double sum = 0;
        for (int k = 1; k <= COMB_MULTIPLES; k++) {
            int centre = k * lag;
            if (centre + 1 >= acf.length) {
                break;
            }
            double peak = acf[centre];
            for (int i = Math.max(0, centre - k / 2); i <= Math.min(acf.length - 1, centre + k / 2); i++) {
                peak = Math.max(peak, acf[i]);
            }
            sum += peak;
        }
        return sum;
    }

    private static double refine(double[] acf, int lag) {
        double numerator = 0;
        double denominator = 0;
        double period = lag;
        for (int k = 1; k <= MAX_MULTIPLE; k++) {
            int centre = (int) Math.round(k * period);
            int reach = 1 + k / 2;
            if (centre + reach + 1 >= acf.length) {
                break;
            }
            int peak = centre;
            for (int i = centre - reach; i <= centre + reach; i++) {
                if (acf[i] > acf[peak]) {
                    peak = i;
                }
            }
            double a = acf[peak - 1];
            double b = acf[peak];
            double c = acf[peak + 1];
            double d = a - 2 * b + c;
            double position = d < 0 ? peak + 0.5 * (a - c) / d : peak;
            numerator += position * k;
            denominator += k * k;
            period = numerator / denominator;
        }
        return period;
    }

    /** Local tempo over sliding windows; a single point for pieces shorter than a window. */
    public static List<TempoPoint> curve(OnsetEnvelope envelope) {
        double fps = envelope.frameRate();
        int window = (int) Math.round(CURVE_WINDOW_SECONDS * fps);
        int hop = (int) Math.round(CURVE_HOP_SECONDS * fps);
        List<TempoPoint> points = new ArrayList<>();
        int n = envelope.length();
        if (n <= window) {
            TempoEstimate t = estimate(envelope, 0, n);
            points.add(new TempoPoint(envelope.timeOf(n / 2.0), t.bpm(), t.confidence()));
            return points;
        }
        for (int start = 0; start + window <= n; start += hop) {
            TempoEstimate t = estimate(envelope, start, start + window);
            points.add(new TempoPoint(envelope.timeOf(start + window / 2.0), t.bpm(), t.confidence()));
        }
        return points;
    }
}
