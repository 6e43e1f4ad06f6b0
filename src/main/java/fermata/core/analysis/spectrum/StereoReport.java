package fermata.core.analysis.spectrum;

import java.util.List;

/**
 * Stereo image of a two-channel (or more: the first two) programme.
 *
 * @param correlation overall phase correlation of left and right
 * @param sideToMidDb overall side energy over mid energy in dB
 * @param width side energy share, S / (M + S): 0 mono, 0.5 unrelated channels, 1 antiphase
 * @param octaves the same per octave band
 */
public record StereoReport(double correlation, double sideToMidDb, double width, List<StereoBand> octaves) {
    public StereoReport {
        octaves = List.copyOf(octaves);
    }
}
