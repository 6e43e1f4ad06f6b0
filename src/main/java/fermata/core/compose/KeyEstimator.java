package fermata.core.compose;

import fermata.core.analysis.tonal.KeyDetector;
import fermata.core.analysis.tonal.KeyEstimate;

/**
 * The key of a passage for composing: the analysis package's Krumhansl-Kessler key finder on the
 * passage's pitch-class histogram, as a {@link MusicalKey}.
 */
public final class KeyEstimator {
    private KeyEstimator() {
    }

    /**
     * @param histogram twelve weights (durations or counts) for C..B
     * @return the key whose profile correlates best; C major when no key fits (an empty histogram)
     */
    public static MusicalKey estimate(double[] histogram) {
        if (histogram.length != 12) {
            throw new IllegalArgumentException("a pitch-class histogram has 12 bins, not " + histogram.length);
        }
        KeyEstimate key = KeyDetector.estimate(histogram);
        if (key == null) {
            return MusicalKey.C_MAJOR;
        }
        return new MusicalKey(key.tonicPitchClass(), key.mode() == KeyEstimate.Mode.MINOR);
    }
}
