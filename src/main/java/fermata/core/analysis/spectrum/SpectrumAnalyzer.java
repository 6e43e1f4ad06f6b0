package fermata.core.analysis.spectrum;

import fermata.core.analysis.Stft;

import java.util.ArrayList;
import java.util.List;

/**
 * Long-term spectrum and stereo image, from one pass of 4096-point Hann frames over the full-rate
 * channels. Frames do not overlap: these are averages over the whole piece, where the samples
 * the window attenuates in one frame are as typical as the ones it keeps. Mid and side spectra
 * follow from the left and right ones by linearity, so each channel is transformed once.
 */
public final class SpectrumAnalyzer {
    public static final int FRAME = 4096;
    /** Octave band edges for the stereo figures; the last band runs to Nyquist. */
    static final double[] OCTAVE_EDGES = {20, 62.5, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    private static final double ROLLOFF_SHARE = 0.85;
    private static final double MIN_HZ = 20;
    private static final double TINY = 1e-30;

    private final double[] midPower;
    private final double[] sidePower;
    private final double[] leftPower;
    private final double[] rightPower;
    private final double[] cross;
    private final int sampleRate;
    private final boolean stereo;
    private long frames;

    private SpectrumAnalyzer(int sampleRate, boolean stereo) {
        int bins = FRAME / 2 + 1;
        this.sampleRate = sampleRate;
        this.stereo = stereo;
        midPower = new double[bins];
        sidePower = new double[bins];
        leftPower = new double[bins];
        rightPower = new double[bins];
        cross = new double[bins];
    }

    /** Spectrum and (for two or more channels) stereo figures of planar samples. */
    public static SpectrumAnalyzer of(float[][] samples, int sampleRate) {
        boolean stereo = samples.length >= 2;
        SpectrumAnalyzer a = new SpectrumAnalyzer(sampleRate, stereo);
        Stft stft = new Stft(FRAME);
        int length = samples[0].length;
        int count = Stft.frameCount(length, FRAME);
        float[] left = new float[FRAME];
        float[] mono = stereo ? null : samples[0];
        for (int f = 0; f < count; f++) {
            int start = f * FRAME;
            if (stereo) {
                System.arraycopy(stft.transform(samples[0], start), 0, left, 0, FRAME);
                a.accumulate(left, stft.transform(samples[1], start));
            } else {
                float[] x = stft.transform(mono, start);
                a.accumulate(x, x);
            }
            a.frames++;
        }
        return a;
    }

    private void accumulate(float[] l, float[] r) {
        int half = FRAME / 2;
        add(0, l[0], 0, r[0], 0);
        add(half, l[1], 0, r[1], 0);
        for (int k = 1; k < half; k++) {
            add(k, l[2 * k], l[2 * k + 1], r[2 * k], r[2 * k + 1]);
        }
    }

    private void add(int k, double lr, double li, double rr, double ri) {
        double mr = 0.5 * (lr + rr);
        double mi = 0.5 * (li + ri);
        double sr = 0.5 * (lr - rr);
        double si = 0.5 * (li - ri);
        midPower[k] += mr * mr + mi * mi;
        sidePower[k] += sr * sr + si * si;
        leftPower[k] += lr * lr + li * li;
        rightPower[k] += rr * rr + ri * ri;
        cross[k] += lr * rr + li * ri;
    }

    private double binHz(int k) {
        return (double) k * sampleRate / FRAME;
    }

    /** Power scale that makes a full-scale sine's summed bin power read 0 dB. */
    private double dbScale() {
        // Hann window: coherent gain 1/2; a unit sine's bins sum to (N/4)^2 * 1.5 (the window's
        // energy spread over its main lobe), per frame.
        return 1.0 / (frames * (FRAME / 4.0) * (FRAME / 4.0) * 1.5);
    }

    public SpectrumReport spectrum() {
        int bins = midPower.length;
        double scale = dbScale();
        List<Band> thirds = new ArrayList<>();
        for (int n = -17; n <= 13; n++) {
            double centre = 1000 * Math.pow(2, n / 3.0);
            double lo = centre / Math.pow(2, 1 / 6.0);
            double hi = centre * Math.pow(2, 1 / 6.0);
            if (hi > sampleRate / 2.0) {
                break;
            }
            thirds.add(new Band(nominal(centre), lo, hi, db(bandSum(midPower, lo, hi) * scale)));
        }
        double total = 0;
        double weighted = 0;
        double logSum = 0;
        int counted = 0;
        int first = (int) Math.ceil(MIN_HZ * FRAME / sampleRate);
        for (int k = first; k < bins; k++) {
            total += midPower[k];
            weighted += midPower[k] * binHz(k);
            logSum += Math.log(midPower[k] + TINY);
            counted++;
        }
        double centroid = total > 0 ? weighted / total : 0;
        double rolloff = 0;
        double running = 0;
        for (int k = first; k < bins && total > 0; k++) {
            running += midPower[k];
            if (running >= ROLLOFF_SHARE * total) {
                rolloff = binHz(k);
                break;
            }
        }
        double flatness = total > 0 ? Math.exp(logSum / counted) / (total / counted) : 0;
        return new SpectrumReport(thirds, centroid, rolloff, flatness);
    }

    /** Stereo figures, or null for mono material. */
    public StereoReport stereo() {
        if (!stereo) {
            return null;
        }
        double scale = dbScale();
        List<StereoBand> bands = new ArrayList<>();
        for (int b = 0; b < OCTAVE_EDGES.length; b++) {
            double lo = OCTAVE_EDGES[b];
            double hi = b + 1 < OCTAVE_EDGES.length ? OCTAVE_EDGES[b + 1] : sampleRate / 2.0;
            if (lo >= sampleRate / 2.0) {
                break;
            }
            bands.add(new StereoBand(lo, hi, correlation(bandSum(cross, lo, hi), bandSum(leftPower, lo, hi),
                    bandSum(rightPower, lo, hi)), ratioDb(bandSum(sidePower, lo, hi), bandSum(midPower, lo, hi)),
                    db((bandSum(midPower, lo, hi) + bandSum(sidePower, lo, hi)) * scale)));
        }
        double side = bandSum(sidePower, 0, sampleRate);
        double mid = bandSum(midPower, 0, sampleRate);
        double width = side + mid > 0 ? side / (side + mid) : 0;
        return new StereoReport(correlation(bandSum(cross, 0, sampleRate), bandSum(leftPower, 0, sampleRate),
                bandSum(rightPower, 0, sampleRate)), ratioDb(side, mid), width, bands);
    }

    private static double correlation(double cross, double left, double right) {
        return left > 0 && right > 0 ? cross / Math.sqrt(left * right) : Double.NaN;
    }

    private double bandSum(double[] power, double lo, double hi) {
        double sum = 0;
        for (int k = 0; k < power.length; k++) {
            double f = binHz(k);
            if (f >= lo && f < hi) {
                sum += power[k];
            }
        }
        return sum;
    }

    /** The ISO 266 rounding of third-octave centres (1000 * 2^(n/3) -> 20, 25, 31.5 ...). */
    static double nominal(double centre) {
        double[] preferred = {10, 12.5, 16, 20, 25, 31.5, 40, 50, 63, 80};
        double decade = Math.pow(10, Math.floor(Math.log10(centre)));
        double best = preferred[0];
        for (double p : preferred) {
            if (Math.abs(Math.log(p * decade / 10 / centre)) < Math.abs(Math.log(best * decade / 10 / centre))) {
                best = p;
            }
        }
        return best * decade / 10;
    }

    private static double ratioDb(double a, double b) {
        if (b > 0) {
            return 10 * Math.log10(a / b + TINY);
        }
        return a > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    private static double db(double power) {
        return power > 0 ? 10 * Math.log10(power) : Double.NEGATIVE_INFINITY;
    }
}
