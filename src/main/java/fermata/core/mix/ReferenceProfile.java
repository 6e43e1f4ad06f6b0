package fermata.core.mix;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;

/**
 * What automix matches of a reference track, after Matchering: its integrated loudness, its
 * long-term octave spectrum and its stereo width (side over mid energy).
 */
public record ReferenceProfile(String name, double integratedLufs, double truePeakDbtp, double[] bandsDb,
                               double stereoWidth) {
    public ReferenceProfile {
        bandsDb = bandsDb.clone();
    }

    @Override
    public double[] bandsDb() {
        return bandsDb.clone();
    }

    public static ReferenceProfile measure(String name, float[][] samples, int sampleRate) {
        LoudnessResult loudness = LoudnessMeter.measure(samples, sampleRate);
        if (!Double.isFinite(loudness.integratedLufs())) {
            throw new IllegalArgumentException("the reference " + name + " is silent");
        }
        return new ReferenceProfile(name, loudness.integratedLufs(), loudness.truePeakDbtp(),
                OctaveBands.levels(OctaveBands.mono(samples), sampleRate), AutoMixer.sideOverMid(samples));
    }
}
