package fermata.core.mix;

import java.util.Arrays;

/**
 * The mean power of the noise in each FFT bin, measured with the same window and frame size the
 * denoiser uses, from a noise-only sample or from the quietest frames of the recording itself.
 *
 * @param fftSize frame size the power was measured with
 * @param power mean |X(k)|^2 of the Hann-windowed frames, bins 0..fftSize/2, averaged over channels
 * @param source where it came from, for the report ("noise sample", "quietest 20% of the recording")
 */
public record NoiseProfile(int fftSize, double[] power, String source) {
    /** The share of frames, quietest first, that {@link #fromQuietestFrames} averages. */
    public static final double QUIETEST_SHARE = 0.2;

    public NoiseProfile {
        if (power.length != fftSize / 2 + 1) {
            throw new IllegalArgumentException("profile has " + power.length + " bins, needs " + (fftSize / 2 + 1));
        }
        power = power.clone();
    }

    @Override
    public double[] power() {
        return power.clone();
    }

    double powerAt(int bin) {
        return power[bin];
    }

    /** Learns the profile from a recording of the noise alone (a selection, or a separate file). */
    public static NoiseProfile fromNoise(float[][] noise, int fftSize) {
        SpectralFrames frames = new SpectralFrames(fftSize);
        double[] sum = new double[fftSize / 2 + 1];
        long count = 0;
        for (float[] channel : noise) {
            int n = SpectralFrames.analysisFrameCount(channel.length, fftSize);
            for (int m = 0; m < n; m++) {
                float[] spectrum = frames.analyse(channel, m * (fftSize / 4));
                SpectralFrames.addPower(spectrum, sum);
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the noise sample is shorter than one analysis frame (" + fftSize + " samples)");
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= count;
        }
        return new NoiseProfile(fftSize, sum, "noise sample");
    }

    /**
     * Finds the noise in the recording itself: the {@link #QUIETEST_SHARE} of frames with the least
     * energy (summed over channels) are taken as noise alone, the assumption of Audacity's
     * "select a quiet part" made automatic. Digital silence (padding) is skipped.
     */
    public static NoiseProfile fromQuietestFrames(float[][] signal, int fftSize) {
        SpectralFrames frames = new SpectralFrames(fftSize);
        int hop = fftSize / 4;
        int n = SpectralFrames.analysisFrameCount(signal[0].length, fftSize);
        if (n == 0) {
            throw new IllegalArgumentException("the recording is shorter than one analysis frame (" + fftSize + " samples)");
        }
        double[] energy = new double[n];
        for (int m = 0; m < n; m++) {
            for (float[] channel : signal) {
                for (int i = m * hop; i < Math.min(channel.length, m * hop + fftSize); i++) {
                    energy[m] += (double) channel[i] * channel[i];
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> Double.compare(energy[a], energy[b]) != 0
                ? Double.compare(energy[a], energy[b]) : Integer.compare(a, b));
        int first = 0;
        while (first < n - 1 && energy[order[first]] == 0) {
            first++;
        }
        int take = Math.max(1, (int) Math.round((n - first) * QUIETEST_SHARE));
        double[] sum = new double[fftSize / 2 + 1];
        for (int j = first; j < first + take; j++) {
            for (float[] channel : signal) {
                SpectralFrames.addPower(frames.analyse(channel, order[j] * hop), sum);
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= (double) take * signal.length;
        }
        return new NoiseProfile(fftSize, sum, String.format(java.util.Locale.ROOT,
                "quietest %.0f%% of the recording", 100 * QUIETEST_SHARE));
    }

    /** Mean noise power over all bins in dB relative to a full-scale sine's bin power, for the report. */
    public double levelDb() {
        double total = 0;
        for (double p : power) {
            total += p;
        }
        double fullScaleSine = (fftSize / 4.0) * (fftSize / 4.0);
        return 10 * Math.log10(Math.max(1e-30, total / fullScaleSine));
    }
}
