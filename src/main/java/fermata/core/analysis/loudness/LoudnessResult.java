package fermata.core.analysis.loudness;

/**
 * The figures of EBU R128 for one programme. Levels that do not exist (a silent programme has no
 * integrated loudness) are {@link Double#NEGATIVE_INFINITY}.
 *
 * @param integratedLufs gated programme loudness (BS.1770-4: -70 LUFS absolute, -10 LU relative)
 * @param rangeLu loudness range per EBU Tech 3342
 * @param truePeakDbtp largest true peak over all channels
 * @param samplePeakDbfs largest absolute sample over all channels
 * @param momentaryMaxLufs largest 400 ms loudness
 * @param shortTermMaxLufs largest 3 s loudness
 * @param clippedSamples samples at or beyond the largest 16-bit code, over all channels
 */
public record LoudnessResult(double integratedLufs, double rangeLu, double truePeakDbtp, double samplePeakDbfs,
                             double momentaryMaxLufs, double shortTermMaxLufs, long clippedSamples) {
}
