package fermata.core.analysis;

import fermata.core.analysis.advice.Advice;
import fermata.core.analysis.advice.Advisor;
import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.analysis.pitch.PitchReport;
import fermata.core.analysis.pitch.PitchTracker;
import fermata.core.analysis.rhythm.RhythmAnalyzer;
import fermata.core.analysis.rhythm.RhythmReport;
import fermata.core.analysis.spectrum.SpectrumAnalyzer;
import fermata.core.analysis.tonal.Chromagram;
import fermata.core.analysis.tonal.TonalReport;
import fermata.core.error.BadInputException;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.List;

/**
 * The whole analysis of a piece: loudness, rhythm, key and chords, pitch (when monophonic),
 * spectrum, stereo image, dynamics and advice. Runs on the calling thread (a worker, through the
 * task executor) and checks for cancellation between stages.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * @param samples planar audio, one array per channel, all of one length; 5 or 6 channels are
     *     taken as 5.0 / 5.1 for loudness (see {@link fermata.core.analysis.loudness.ChannelWeights})
     * @param sampleRate in Hz, 8000 or more
     */
    public static AnalysisReport analyze(float[][] samples, int sampleRate, Progress progress)
            throws BadInputException, CancelledException {
        check(samples, sampleRate);
        int frames = samples[0].length;
        double duration = (double) frames / sampleRate;

        progress.update(0, "loudness");
        LoudnessMeter meter = new LoudnessMeter(samples.length, sampleRate);
        meter.process(samples);
        LoudnessResult loudness = meter.result();
        progress.checkCancelled();

        progress.update(0.3, "spectrum and stereo");
        SpectrumAnalyzer spectrum = SpectrumAnalyzer.of(samples, sampleRate);
        DynamicsReport dynamics = dynamics(samples, loudness);
        progress.checkCancelled();

        progress.update(0.45, "tempo and beats");
        float[] mono = Signals.monoForAnalysis(samples, sampleRate);
        int monoRate = sampleRate / Signals.decimationFactor(sampleRate);
        RhythmReport rhythm = RhythmAnalyzer.analyze(mono, monoRate);
        progress.checkCancelled();

        progress.update(0.65, "key and chords");
        Chromagram chromagram = Chromagram.of(mono, monoRate);
        TonalReport tonal = TonalReport.of(chromagram, duration);
        progress.checkCancelled();

        progress.update(0.85, "pitch");
        PitchReport pitch = new PitchTracker(monoRate).analyze(mono);
        progress.checkCancelled();

        List<Advice> advice = Advisor.advise(loudness, spectrum.stereo(), dynamics);
        progress.update(1, "done");
        return new AnalysisReport(duration, sampleRate, samples.length, loudness, rhythm, tonal,
                pitch.monophonic() ? pitch : null, spectrum.spectrum(), spectrum.stereo(), dynamics, advice,
                new Timelines(meter.momentarySeries(), meter.shortTermSeries(),
                        Timelines.normalised(chromagram.chroma()), chromagram.frameSeconds()));
    }

    private static void check(float[][] samples, int sampleRate) throws BadInputException {
        if (samples == null || samples.length == 0) {
            throw new BadInputException(null, null, "no audio channels to analyse", null);
        }
        if (sampleRate < 8000 || sampleRate > 768_000) {
            throw new BadInputException(null, null, "sample rate " + sampleRate + " Hz is out of range",
                    "use 8000 to 768000 Hz");
        }
        for (int c = 0; c < samples.length; c++) {
            if (samples[c] == null || samples[c].length != samples[0].length) {
                throw new BadInputException(null, "channel " + (c + 1), "channels differ in length", null);
            }
        }
    }

    private static DynamicsReport dynamics(float[][] samples, LoudnessResult loudness) {
        double sumSq = 0;
        double[] dc = new double[samples.length];
        long n = 0;
        for (int c = 0; c < samples.length; c++) {
            double sum = 0;
            for (float x : samples[c]) {
                sum += x;
                sumSq += x * x;
            }
            n += samples[c].length;
            dc[c] = samples[c].length == 0 ? 0 : sum / samples[c].length;
        }
        double rmsDb = n == 0 || sumSq == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sumSq / n);
        return new DynamicsReport(loudness.samplePeakDbfs() - rmsDb,
                loudness.truePeakDbtp() - loudness.integratedLufs(),
                loudness.truePeakDbtp() - loudness.shortTermMaxLufs(), dc);
    }
}
