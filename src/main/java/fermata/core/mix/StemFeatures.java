package fermata.core.mix;

/**
 * What {@link StemAnalyzer} measures of a dry stem.
 *
 * @param loudnessLufs integrated loudness (BS.1770), -infinity for silence
 * @param bandsDb octave-band long-term spectrum ({@link OctaveBands#CENTRES}), dB
 * @param lowShare share of the energy below 150 Hz
 * @param centroidHz spectral centroid of the long-term spectrum
 * @param flatness mean spectral flatness of the active frames, 100 Hz..10 kHz: 0 a pure tone, about 0.5 white noise
 * @param monophony mean share of an active frame's energy that one harmonic series explains: near 1 for one voice
 * @param onsetsPerSecond jumps of at least 6 dB from one 23 ms frame to the next, per second of activity
 * @param sustainDb median active-frame level relative to the 95th percentile: near 0 sustained, far below for hits
 * @param stereoWidth side energy over mid energy, 0 for mono
 * @param usefulLowHz the frequency below which the stem holds less than 0.5 % of its energy
 * @param peakP80Db 80th percentile of the 10 ms peak level, dBFS, where the compressor's threshold starts from
 * @param activeShare share of 23 ms frames within 40 dB of the loudest
 */
public record StemFeatures(double loudnessLufs, double[] bandsDb, double lowShare, double centroidHz, double flatness,
                           double monophony, double onsetsPerSecond, double sustainDb, double stereoWidth,
                           double usefulLowHz, double peakP80Db, double activeShare) {
    public StemFeatures {
        bandsDb = bandsDb.clone();
    }

    @Override
    public double[] bandsDb() {
        return bandsDb.clone();
    }

    double band(int b) {
        return bandsDb[b];
    }
}
