package fermata.core.analysis.spectrum;

import java.util.List;

/**
 * Long-term spectrum of the channel average.
 *
 * @param thirdOctaves levels in third-octave bands from 20 Hz to 20 kHz (those below Nyquist)
 * @param centroidHz power-weighted mean frequency
 * @param rolloffHz frequency below which 85 % of the power lies
 * @param flatness geometric over arithmetic mean of the long-term power spectrum, 20 Hz to
 *     Nyquist: near 1 for white noise, near 0 for a pure tone
 */
public record SpectrumReport(List<Band> thirdOctaves, double centroidHz, double rolloffHz, double flatness) {
    public SpectrumReport {
        thirdOctaves = List.copyOf(thirdOctaves);
    }
}
