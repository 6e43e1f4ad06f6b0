package fermata.core.analysis.spectrum;

/**
 * Stereo figures of one band.
 *
 * @param correlation phase correlation, +1 identical channels, 0 unrelated, -1 one inverted
 * @param sideToMidDb side energy over mid energy in dB (-infinity for mono)
 * @param levelDb the band's mid level, to tell a quiet band from a relevant one
 */
public record StereoBand(double lowHz, double highHz, double correlation, double sideToMidDb, double levelDb) {
}
