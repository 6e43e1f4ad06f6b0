package fermata.core.mix;

import fermata.core.analysis.Stft;
import fermata.core.analysis.loudness.LoudnessMeter;

import java.util.Arrays;

/** Measures the {@link StemFeatures} of a stem: loudness with the shared BS.1770 meter, the rest from an STFT over every other frame and one envelope pass. */
public final class StemAnalyzer {
    private static final int ENVELOPE_FRAME = 1024;
    /** Spectral features look at every other 4096-sample frame: long-term statistics, half the FFTs. */
    private static final int FRAME_HOP_FACTOR = 2;
    private static final double ONSET_DB = 6;
    private static final double ACTIVE_RANGE_DB = 40;
    private static final double USEFUL_LOW_SHARE = 0.005;

    private StemAnalyzer() {
    }

    public static StemFeatures analyse(Stem stem) {
        int rate = stem.sampleRate();
        float[][] x = stem.samples();
        double loudness = LoudnessMeter.integratedLufs(x, rate);
        float[] mono = OctaveBands.mono(x);

        Stft stft = new Stft(OctaveBands.FFT_SIZE);
        int bins = stft.bins();
        double binHz = (double) rate / OctaveBands.FFT_SIZE;
        int[] bandOfBin = OctaveBands.binBands(rate);
        float[] magnitudes = new float[bins];
        double[] ltas = new double[bins];
        int hop = FRAME_HOP_FACTOR * OctaveBands.FFT_SIZE;
        int frameCount = Stft.frameCount(mono.length, hop);
        double[] frameEnergy = new double[frameCount];
        double[] frameFlatness = new double[frameCount];
        double[] frameMonophony = new double[frameCount];
        double[] power = new double[bins];
        int lo = (int) Math.ceil(100 / binHz);
        int hi = Math.min(bins - 1, (int) Math.floor(10_000 / binHz));
        for (int f = 0; f < frameCount; f++) {
            stft.magnitudes(mono, f * hop, magnitudes);
            double energy = 0;
            for (int k = 0; k < bins; k++) {
                power[k] = (double) magnitudes[k] * magnitudes[k];
                ltas[k] += power[k];
                energy += power[k];
            }
            frameEnergy[f] = energy;
            double logSum = 0;
            double sum = 0;
            for (int k = lo; k <= hi; k++) {
                logSum += Math.log(power[k] + 1e-20);
                sum += power[k] + 1e-20;
            }
            int n = hi - lo + 1;
            frameFlatness[f] = n > 0 ? Math.exp(logSum / n) / (sum / n) : 0;
            frameMonophony[f] = monophony(power, binHz);
        }
        double maxFrame = Arrays.stream(frameEnergy).max().orElse(0);
        double flatness = 0;
        double monophony = 0;
        int active = 0;
        for (int f = 0; f < frameCount; f++) {
            if (maxFrame > 0 && frameEnergy[f] >= maxFrame * 1e-4) {
                flatness += frameFlatness[f];
                monophony += frameMonophony[f];
                active++;
            }
        }
        flatness = active == 0 ? 0 : flatness / active;
        monophony = active == 0 ? 0 : monophony / active;

        double total = 0;
        double low = 0;
        double weighted = 0;
        for (int k = 1; k < bins; k++) {
            total += ltas[k];
            weighted += ltas[k] * k * binHz;
            if (k * binHz < 150) {
                low += ltas[k];
            }
        }
        double usefulLow = 20;
        double cumulative = 0;
        for (int k = 1; k < bins && total > 0; k++) {
            cumulative += ltas[k];
            if (cumulative >= USEFUL_LOW_SHARE * total) {
                usefulLow = Math.max(20, (k - 0.5) * binHz);
                break;
            }
        }
        double[] bands = new double[OctaveBands.CENTRES.length];
        for (int k = 0; k < bins; k++) {
            if (bandOfBin[k] >= 0) {
                bands[bandOfBin[k]] += ltas[k];
            }
        }
        for (int b = 0; b < bands.length; b++) {
            bands[b] = bands[b] <= 0 || frameCount == 0 ? -150 : 10 * Math.log10(bands[b] / frameCount);
        }

        double[] envelope = envelopeDb(x);
        double seconds = (double) mono.length / rate;
        double[] sorted = envelope.clone();
        Arrays.sort(sorted);
        double top = sorted.length == 0 ? -150 : sorted[sorted.length - 1];
        int onsets = 0;
        int activeFrames = 0;
        for (int i = 0; i < envelope.length; i++) {
            if (envelope[i] >= top - ACTIVE_RANGE_DB) {
                activeFrames++;
                if (i > 0 && envelope[i] - envelope[i - 1] >= ONSET_DB) {
                    onsets++;
                }
            }
        }
        double activeShare = envelope.length == 0 ? 0 : (double) activeFrames / envelope.length;
        double[] activeLevels = Arrays.stream(envelope).filter(e -> e >= top - ACTIVE_RANGE_DB).sorted().toArray();
        double sustain = activeLevels.length == 0 ? 0
                : activeLevels[activeLevels.length / 2] - activeLevels[(int) Math.min(activeLevels.length - 1, Math.floor(0.95 * activeLevels.length))];
        double activeSeconds = Math.max(0.5, seconds * activeShare);

        return new StemFeatures(loudness, bands, total > 0 ? low / total : 0, total > 0 ? weighted / total : 0,
                flatness, monophony, onsets / activeSeconds, sustain, AutoMixer.sideOverMid(x), usefulLow, peakPercentileDb(x, rate, 0.8),
                activeShare);
    }

    /** Level of each 1024-frame block in dB (mean square over channels). */
    private static double[] envelopeDb(float[][] x) {
        int frames = x[0].length / ENVELOPE_FRAME;
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (float[] channel : x) {
                for (int i = f * ENVELOPE_FRAME; i < (f + 1) * ENVELOPE_FRAME; i++) {
                    sum += (double) channel[i] * channel[i];
                }
            }
            out[f] = 10 * Math.log10(sum / (ENVELOPE_FRAME * x.length) + 1e-15);
        }
        return out;
    }

    /** Share of the frame's 50 Hz..5 kHz energy on the harmonics of the best of three f0 candidates under the strongest peak. */
    private static double monophony(double[] power, double binHz) {
        int lo = Math.max(1, (int) Math.ceil(50 / binHz));
        int hi = Math.min(power.length - 2, (int) Math.floor(5000 / binHz));
        double total = 0;
        int peak = lo;
        for (int k = lo; k <= hi; k++) {
            total += power[k];
            if (power[k] > power[peak] && k * binHz <= 2000) {
                peak = k;
            }
        }
        if (total <= 0) {
            return 0;
        }
        double best = 0;
        for (int h = 1; h <= 3; h++) {
            double f0 = peak * binHz / h;
            if (f0 < 40) {
                break;
            }
            double explained = 0;
            for (int m = 1; m * f0 <= 5000; m++) {
                int centre = (int) Math.round(m * f0 / binHz);
                for (int k = Math.max(lo, centre - 1); k <= Math.min(hi, centre + 1); k++) {
                    explained += power[k];
                }
            }
            best = Math.max(best, explained / total);
        }
        return Math.min(1, best);
    }

    /** A percentile of the peak level of 10 ms blocks, over blocks within 40 dB of the loudest, in dBFS. */
    static double peakPercentileDb(float[][] x, int rate, double percentile) {
        int block = Math.max(1, rate / 100);
        int blocks = x[0].length / block;
        if (blocks == 0) {
            return -150;
        }
        double[] peaks = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            float peak = 0;
            for (float[] channel : x) {
                for (int i = b * block; i < (b + 1) * block; i++) {
                    peak = Math.max(peak, Math.abs(channel[i]));
                }
            }
            peaks[b] = 20 * Math.log10(peak + 1e-9);
        }
        Arrays.sort(peaks);
        double top = peaks[blocks - 1];
        double[] active = Arrays.stream(peaks).filter(p -> p >= top - ACTIVE_RANGE_DB).toArray();
        return active[(int) Math.min(active.length - 1, Math.floor(percentile * active.length))];
    }
}
