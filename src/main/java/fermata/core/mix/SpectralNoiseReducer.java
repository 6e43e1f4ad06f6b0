package fermata.core.mix;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

/**
 * Short-time spectral noise reduction of one channel against a {@link NoiseProfile}, in one of two
 * ways ({@link DenoiseSettings.Method}):
 *
 * <ul>
 *   <li>Spectral gate, after Audacity's Noise Reduction: a bin whose power is below the profile
 *   times the sensitivity is turned down by the reduction. The gain then opens early (attack, a
 *   look-ahead over the next frames) and closes slowly (release), each as a slew towards the
 *   floor, and is averaged in dB over neighbouring bins, which is what keeps "musical noise"
 *   (isolated bins flickering open) down.</li>
 *   <li>MMSE-STSA (Ephraim and Malah 1984): the gain that minimises the mean-square error of the
 *   spectral amplitude given the a-posteriori SNR and an a-priori SNR estimated "decision-directed"
 *   from the previous frame's cleaned amplitude (weight {@value #DECISION_DIRECTED_WEIGHT}).</li>
 *   <li>MMSE-LSA (Ephraim and Malah 1985): the same with the error measured on log amplitudes,
 *   which leaves less residual noise for the same distortion; the default.</li>
 * </ul>
 *
 * Either gain is bounded below by the reduction. Frames are Hann-windowed at a quarter-frame hop and
 * resynthesised by overlap-add, aligned to the input sample for sample.
 */
final class SpectralNoiseReducer {
    static final double DECISION_DIRECTED_WEIGHT = 0.98;
    /** Lower bound on the a-priori SNR, -25 dB, against musical noise (Cappe 1994). */
    private static final double MIN_PRIOR_SNR = Math.pow(10, -25 / 10.0);

    private final NoiseProfile profile;
    private final DenoiseSettings settings;
    private final int sampleRate;

    SpectralNoiseReducer(NoiseProfile profile, DenoiseSettings settings, int sampleRate) {
        this.profile = profile;
        this.settings = settings;
        this.sampleRate = sampleRate;
    }

    float[] process(float[] input, Progress progress) throws CancelledException {
        int size = profile.fftSize();
        int hop = size / 4;
        int bins = size / 2 + 1;
        SpectralFrames frames = new SpectralFrames(size);
        float[] out = new float[input.length];
        int first = -(size - hop);
        int count = (input.length - first + hop - 1) / hop;
        double floor = Math.pow(10, -settings.reductionDb() / 20);
        boolean gate = settings.method() == DenoiseSettings.Method.SPECTRAL_GATE;
        int lookahead = gate ? (int) Math.ceil(settings.attackMs() / 1000.0 * sampleRate / hop) : 0;
        double attackStep = lookahead == 0 ? floor : Math.pow(floor, 1.0 / lookahead);
        double releaseFrames = settings.releaseMs() / 1000.0 * sampleRate / hop;
        double releaseStep = releaseFrames < 1 ? floor : Math.pow(floor, 1.0 / releaseFrames);
        double over = Math.pow(10, settings.sensitivityDb() / 10);
        double[] noise = new double[bins];
        for (int k = 0; k < bins; k++) {
            noise[k] = Math.max(1e-20, profile.powerAt(k) * over);
        }

        int slots = lookahead + 1;
        float[][] spectra = new float[slots][size];
        double[][] gains = new double[slots][bins];
        double[] released = new double[bins];
        java.util.Arrays.fill(released, floor);
        double[] previousClean = new double[bins];
        double[] gain = new double[bins];
        double[] smoothed = new double[bins];
        double[] power = new double[bins];

        for (int m = 0; m < count + lookahead; m++) {
            if (m < count) {
                int slot = m % slots;
                System.arraycopy(frames.analyse(input, first + m * hop), 0, spectra[slot], 0, size);
                powers(spectra[slot], power);
                double[] g = gains[slot];
                if (gate) {
                    for (int k = 0; k < bins; k++) {
                        double raw = power[k] > noise[k] ? 1.0 : floor;
                        released[k] = Math.max(raw, released[k] * releaseStep);
                        g[k] = released[k];
                    }
                } else {
                    mmse(power, noise, previousClean, floor,
                            settings.method() == DenoiseSettings.Method.MMSE_LSA, g);
                }
            }
            int out_m = m - lookahead;
            if (out_m < 0) {
                continue;
            }
            int slot = out_m % slots;
            if (lookahead > 0) {
                for (int k = 0; k < bins; k++) {
                    double best = gains[slot][k];
                    double step = 1;
                    for (int i = 1; i <= lookahead && out_m + i < count; i++) {
                        step *= attackStep;
                        best = Math.max(best, gains[(out_m + i) % slots][k] * step);
                    }
                    gain[k] = best;
                }
            } else {
                System.arraycopy(gains[slot], 0, gain, 0, bins);
            }
            smoothInDb(gain, smoothed, settings.frequencySmoothingBins(), floor);
            apply(spectra[slot], smoothed);
            frames.synthesise(spectra[slot], out, first + out_m * hop);
            if ((out_m & 255) == 0) {
                progress.checkCancelled();
                progress.update((double) out_m / count, "reducing noise");
            }
        }
        return out;
    }

    private static void powers(float[] spectrum, double[] power) {
        int half = spectrum.length / 2;
        power[0] = (double) spectrum[0] * spectrum[0];
        power[half] = (double) spectrum[1] * spectrum[1];
        for (int k = 1; k < half; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    /** Decision-directed MMSE-STSA or MMSE-LSA gains; {@code previousClean} holds and receives the cleaned power of each bin. */
    private static void mmse(double[] power, double[] noise, double[] previousClean, double floor, boolean logSpectral,
                             double[] g) {
        for (int k = 0; k < power.length; k++) {
            double posterior = power[k] / noise[k];
            double prior = DECISION_DIRECTED_WEIGHT * previousClean[k] / noise[k]
                    + (1 - DECISION_DIRECTED_WEIGHT) * Math.max(posterior - 1, 0);
            prior = Math.max(prior, MIN_PRIOR_SNR);
            double gain = logSpectral ? lsaGain(prior, posterior) : stsaGain(prior, posterior);
            gain = Math.max(floor, Math.min(1.0, gain));
            g[k] = gain;
            previousClean[k] = gain * gain * power[k];
        }
    }

    /** The Ephraim-Malah gain for a-priori SNR xi and a-posteriori SNR gamma. */
    static double stsaGain(double xi, double gamma) {
        double wiener = xi / (1 + xi);
        double v = wiener * gamma;
        if (v > 80) {
            return wiener;
        }
        if (gamma < 1e-12) {
            return 1.0;
        }
        double half = v / 2;
        return 0.886226925452758 * Math.sqrt(v) / gamma * ((1 + v) * besselI0Scaled(half) + v * besselI1Scaled(half));
    }

    /** The Ephraim-Malah log-spectral amplitude gain: xi / (1 + xi) * exp(E1(v) / 2), v = xi / (1 + xi) * gamma. */
    static double lsaGain(double xi, double gamma) {
        double wiener = xi / (1 + xi);
        double v = Math.max(1e-10, wiener * gamma);
        return wiener * Math.exp(0.5 * exponentialIntegral(v));
    }

    /** E1(x) = integral from x to infinity of exp(-t)/t dt: its series below 1, a rational approximation above (A and S 5.1.54). */
    static double exponentialIntegral(double x) {
        if (x < 1) {
            double sum = -0.5772156649015329 - Math.log(x);
            double term = 1;
            for (int k = 1; k < 30; k++) {
                term *= -x / k;
                sum -= term / k;
            }
            return sum;
        }
        double numerator = x * x + 2.334733 * x + 0.250621;
        double denominator = x * x + 3.330657 * x + 1.681534;
        return Math.exp(-x) / x * numerator / denominator;
    }

    /** exp(-x) I0(x) for x >= 0 (Abramowitz and Stegun 9.8.1, 9.8.2). */
    static double besselI0Scaled(double x) {
        if (x < 3.75) {
            double y = (x / 3.75) * (x / 3.75);
            return Math.exp(-x) * (1 + y * (3.5156229 + y * (3.0899424 + y * (1.2067492 + y * (0.2659732
                    + y * (0.0360768 + y * 0.0045813))))));
        }
        double y = 3.75 / x;
        return (0.39894228 + y * (0.01328592 + y * (0.00225319 + y * (-0.00157565 + y * (0.00916281
                + y * (-0.02057706 + y * (0.02635537 + y * (-0.01647633 + y * 0.00392377)))))))) / Math.sqrt(x);
    }

    /** exp(-x) I1(x) for x >= 0 (Abramowitz and Stegun 9.8.3, 9.8.4). */
    static double besselI1Scaled(double x) {
        if (x < 3.75) {
            double y = (x / 3.75) * (x / 3.75);
            return Math.exp(-x) * x * (0.5 + y * (0.87890594 + y * (0.51498869 + y * (0.15084934 + y * (0.02658733
                    + y * (0.00301532 + y * 0.00032411))))));
        }
        double y = 3.75 / x;
        return (0.39894228 + y * (-0.03988024 + y * (-0.00362018 + y * (0.00163801 + y * (-0.01031555
                + y * (0.02282967 + y * (-0.02895312 + y * (0.01787654 - y * 0.00420059)))))))) / Math.sqrt(x);
    }

    /** Moving average of the gain in dB over 2 * half + 1 bins (fewer at the edges), kept at or above the floor. */
    private static void smoothInDb(double[] gain, double[] out, int half, double floor) {
        int n = gain.length;
        if (half == 0) {
            System.arraycopy(gain, 0, out, 0, n);
            return;
        }
        double[] logs = new double[n];
        for (int k = 0; k < n; k++) {
            logs[k] = Math.log(gain[k]);
        }
        double sum = 0;
        int lo = 0;
        int hi = -1;
        for (int k = 0; k < n; k++) {
            int wantLo = Math.max(0, k - half);
            int wantHi = Math.min(n - 1, k + half);
            while (hi < wantHi) {
                sum += logs[++hi];
            }
            while (lo < wantLo) {
                sum -= logs[lo++];
            }
            out[k] = Math.max(floor, Math.exp(sum / (hi - lo + 1)));
        }
    }

    private static void apply(float[] spectrum, double[] gain) {
        int half = spectrum.length / 2;
        spectrum[0] *= (float) gain[0];
        spectrum[1] *= (float) gain[half];
        for (int k = 1; k < half; k++) {
            float g = (float) gain[k];
            spectrum[2 * k] *= g;
            spectrum[2 * k + 1] *= g;
        }
    }
}
