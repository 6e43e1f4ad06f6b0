package fermata.core.analysis.spectrum;

/**
 * Stereo figures of one band.
 *
 * @param correlation phase correlation, +1 identical channels, 0 unrelated, -1 one inverted
 * @param sideToMidDb side energy over mid energy in dB: very negative for mono content, +infinity
 *     for pure antiphase, NaN for silence
 * @param levelDb the band's mid plus side level, to tell a quiet band from a relevant one
 */
public record StereoBand(double lowHz, double highHz, double correlation, double sideToMidDb, double levelDb) {
}
