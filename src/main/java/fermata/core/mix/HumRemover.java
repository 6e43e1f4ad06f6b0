package fermata.core.mix;

import fermata.core.dsp.Biquad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds mains hum (50 or 60 Hz and its harmonics) and notches it out. Detection measures, with a
 * Hann-windowed Goertzel filter over up to {@value #ANALYSIS_SECONDS} s, the power at each harmonic
 * of the fundamental (searched within +-1 Hz of the nominal to 0.005 Hz, since mains drifts) against the power a
 * few hertz either side (the middle two of four probes, so one music partial nearby does not hide it): a harmonic at least {@value #PROMINENCE_DB} dB above its surroundings is
 * hum when it comes with a second harmonic, or alone when it stands out by {@value #LONE_FUNDAMENTAL_DB} dB. Music rarely holds an exact multiple of 50 or 60 Hz steady for seconds; mains does.
 * Removal runs a narrow biquad notch per hum harmonic forwards and then backwards over the
 * recording, so the notches cost no phase shift.
 */
final class HumRemover {
    static final double ANALYSIS_SECONDS = 12;
    static final double PROMINENCE_DB = 12;
    /** A fundamental without harmonics (a clean ground loop) counts as hum only this far above its surroundings. */
    static final double LONE_FUNDAMENTAL_DB = 20;
    private static final int MAX_HARMONICS = 24;
    /**
     * Narrow, so music partials a few hertz away keep their level (a 3 Hz notch took 1.7 dB off a
     * partial 3 Hz from a harmonic); the fundamental is found to 0.01 Hz so even the 24th harmonic
     * lands inside it.
     */
    private static final double NOTCH_BANDWIDTH_HZ = 1;

    /** Hum found in a recording: its exact fundamental and the harmonics (1 = fundamental) that stand out. */
    record Hum(double fundamentalHz, List<Integer> harmonics) {
        Hum {
            harmonics = List.copyOf(harmonics);
        }
    }

    private HumRemover() {
    }

    static Optional<Hum> detect(float[][] signal, int sampleRate) {
        int length = (int) Math.min(signal[0].length, (long) (ANALYSIS_SECONDS * sampleRate));
        if (length < sampleRate) {
            return Optional.empty();
        }
        float[] mono = new float[length];
        for (float[] channel : signal) {
            for (int i = 0; i < length; i++) {
                mono[i] += channel[i] * (0.5f - 0.5f * (float) Math.cos(2 * Math.PI * i / length)) / signal.length;
            }
        }
        Hum best = null;
        double bestScore = 0;
        for (double nominal : new double[] {50, 60}) {
            double f0 = strongestFundamental(mono, nominal, 1.0, 0.05, sampleRate);
            f0 = strongestFundamental(mono, f0, 0.05, 0.005, sampleRate);
            List<Integer> found = new ArrayList<>();
            double score = 0;
            double fundamentalProminence = 0;
            for (int h = 1; h <= MAX_HARMONICS && h * f0 < sampleRate / 2.0 - 10; h++) {
                double f = h * f0;
                double peak = goertzel(mono, f, sampleRate);
                double[] probes = new double[4];
                double[] offsets = {-5, -3.5, 3.5, 5};
                for (int p = 0; p < 4; p++) {
                    probes[p] = goertzel(mono, f + offsets[p], sampleRate);
                }
                java.util.Arrays.sort(probes);
                double around = (probes[1] + probes[2]) / 2;
                double prominence = 10 * Math.log10((peak + 1e-30) / (around + 1e-30));
                if (h == 1) {
                    fundamentalProminence = prominence;
                }
                if (prominence >= PROMINENCE_DB) {
                    found.add(h);
                    score += prominence;
                }
            }
            boolean harmonicSeries = (found.contains(1) || found.contains(2)) && found.size() >= 2;
            boolean loneFundamental = fundamentalProminence >= LONE_FUNDAMENTAL_DB;
            if ((harmonicSeries || loneFundamental) && score > bestScore) {
                bestScore = score;
                best = new Hum(f0, found);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The fundamental within +-span of centre, in steps, whose first three harmonics hold the most power. */
    private static double strongestFundamental(float[] mono, double centre, double span, double step, int sampleRate) {
        double best = centre;
        double strongest = -1;
        int steps = (int) Math.round(span / step);
        for (int s = -steps; s <= steps; s++) {
            double f = centre + s * step;
            double p = goertzel(mono, f, sampleRate) + goertzel(mono, 2 * f, sampleRate) + goertzel(mono, 3 * f, sampleRate);
            if (p > strongest) {
                strongest = p;
                best = f;
            }
        }
        return best;
    }

    /** Power of {@code signal} at frequency {@code f} (the signal is already windowed). */
    private static double goertzel(float[] signal, double f, int sampleRate) {
        double w = 2 * Math.PI * f / sampleRate;
        double coefficient = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (float x : signal) {
            double s = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    /** Notches every harmonic of {@code hum} out of every channel, zero-phase. */
    static void remove(float[][] signal, int sampleRate, Hum hum) {
        List<Biquad> notches = new ArrayList<>();
        for (int h : hum.harmonics()) {
            double f = h * hum.fundamentalHz();
            Biquad notch = new Biquad();
            double w0 = 2 * Math.PI * f / sampleRate;
            double alpha = Math.sin(w0) / (2 * (f / NOTCH_BANDWIDTH_HZ));
            double a0 = 1 + alpha;
            double cos = Math.cos(w0);
            notch.setCoefficients(1 / a0, -2 * cos / a0, 1 / a0, -2 * cos / a0, (1 - alpha) / a0);
            notches.add(notch);
        }
        for (float[] channel : signal) {
            for (int pass = 0; pass < 2; pass++) {
                for (Biquad notch : notches) {
                    notch.reset();
                    if (pass == 0) {
                        for (int i = 0; i < channel.length; i++) {
                            channel[i] = (float) notch.process(channel[i]);
                        }
                    } else {
                        for (int i = channel.length - 1; i >= 0; i--) {
                            channel[i] = (float) notch.process(channel[i]);
                        }
                    }
                }
            }
        }
    }
}
