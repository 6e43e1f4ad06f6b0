package fermata.core.analysis;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.rhythm.RhythmAnalyzer;
import fermata.core.analysis.spectrum.Mfcc;
import fermata.core.analysis.tonal.Chromagram;
import fermata.core.analysis.tonal.TonalReport;
import fermata.core.error.BadInputException;

/**
 * The summary of a whole track that the library compares tracks by: tempo, key, integrated
 * loudness, and the means and variances over frames of the MFCCs (timbre) and of the chroma
 * (harmony). Cheaper than a full {@link Analyzer} run: no chords, pitch, stereo or advice.
 */
public record TrackFeatures(double tempoBpm, String key, double loudnessLufs, double[] mfccMean, double[] mfccVariance,
                            double[] chromaMean, double[] chromaVariance) {

    public static TrackFeatures of(float[][] samples, int sampleRate) throws BadInputException {
        if (samples.length == 0 || samples[0].length == 0) {
            throw new BadInputException(null, null, "no audio to describe", null);
        }
        double loudness = LoudnessMeter.measure(samples, sampleRate).integratedLufs();
        float[] mono = Signals.monoForAnalysis(samples, sampleRate);
        int monoRate = sampleRate / Signals.decimationFactor(sampleRate);
        double tempo = RhythmAnalyzer.analyze(mono, monoRate).tempo().bpm();
        Chromagram chroma = Chromagram.of(mono, monoRate);
        String key = TonalReport.of(chroma, (double) samples[0].length / sampleRate).key().label();
        double[][] normalised = new double[chroma.frames()][];
        for (int f = 0; f < chroma.frames(); f++) {
            double[] row = chroma.chroma()[f].clone();
            double max = 0;
            for (double v : row) {
                max = Math.max(max, v);
            }
            for (int p = 0; p < row.length && max > 0; p++) {
                row[p] /= max;
            }
            normalised[f] = row;
        }
        double[][] mfcc = Mfcc.of(mono, monoRate);
        return new TrackFeatures(tempo, key, loudness, mean(mfcc), variance(mfcc), mean(normalised), variance(normalised));
    }

    static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i] / rows.length;
            }
        }
        return m;
    }

    static double[] variance(double[][] rows) {
        double[] m = mean(rows);
        double[] v = new double[m.length];
        for (double[] r : rows) {
            for (int i = 0; i < m.length; i++) {
                double d = r[i] - m[i];
                v[i] += d * d / rows.length;
            }
        }
        return v;
    }
}
