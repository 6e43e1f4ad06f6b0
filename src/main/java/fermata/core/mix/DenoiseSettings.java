package fermata.core.mix;

/**
 * How {@link Denoiser} works on a recording.
 *
 * @param method spectral gate (Audacity's method), or MMSE-STSA or MMSE-LSA with decision-directed SNR
 * @param reductionDb the most a noise bin is turned down, in dB (the gain floor); 0..60
 * @param sensitivityDb gate: how far above the noise profile a bin must rise to count as signal;
 *        MMSE: how much the noise profile is over-estimated (more removes more and costs more signal); -20..30
 * @param attackMs gate: how long before a sound the gain opens (look-ahead); 0..1000
 * @param releaseMs gate: how long after a sound the gain closes; 0..5000
 * @param frequencySmoothingBins half-width of the moving average of the gain in dB across frequency; 0..32
 * @param removeHum detect 50 or 60 Hz hum and its harmonics and notch them out
 * @param removeClicks find clicks and crackle (outliers of a linear prediction) and interpolate over them
 */
public record DenoiseSettings(Method method, double reductionDb, double sensitivityDb, double attackMs,
                              double releaseMs, int frequencySmoothingBins, boolean removeHum, boolean removeClicks) {
    public enum Method {
        /** Bins below the profile plus the sensitivity are turned down by the reduction; smoothed in time and frequency. */
        SPECTRAL_GATE,
        /** The Ephraim-Malah minimum mean-square-error amplitude estimator with decision-directed a-priori SNR. */
        MMSE_STSA,
        /** As MMSE-STSA, minimising the error of log amplitudes (Ephraim and Malah 1985). */
        MMSE_LSA
    }

    public DenoiseSettings {
        if (method == null) {
            throw new IllegalArgumentException("denoise method is missing");
        }
        requireRange("reduction", reductionDb, 0, 60);
        requireRange("sensitivity", sensitivityDb, -20, 30);
        requireRange("attack", attackMs, 0, 1000);
        requireRange("release", releaseMs, 0, 5000);
        if (frequencySmoothingBins < 0 || frequencySmoothingBins > 32) {
            throw new IllegalArgumentException("frequency smoothing must be 0..32 bins, was " + frequencySmoothingBins);
        }
    }

    private static void requireRange(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + value);
        }
    }

    /**
     * MMSE-LSA, 24 dB at most, no frequency smoothing (the estimator smooths through its a-priori
     * SNR), hum removal on, click removal off: what {@code fermata denoise} does by default.
     */
    public static DenoiseSettings defaults() {
        return new DenoiseSettings(Method.MMSE_LSA, 24, 0, 20, 100, 0, true, false);
    }

    /** Audacity's Noise Reduction defaults: 12 dB, sensitivity 6 dB, 3 smoothing bands. */
    public static DenoiseSettings gate() {
        return new DenoiseSettings(Method.SPECTRAL_GATE, 12, 6, 20, 100, 3, true, false);
    }

    public DenoiseSettings withMethod(Method m) {
        return new DenoiseSettings(m, reductionDb, sensitivityDb, attackMs, releaseMs, frequencySmoothingBins,
                removeHum, removeClicks);
    }

    public DenoiseSettings withReductionDb(double db) {
        return new DenoiseSettings(method, db, sensitivityDb, attackMs, releaseMs, frequencySmoothingBins,
                removeHum, removeClicks);
    }

    public DenoiseSettings withSensitivityDb(double db) {
        return new DenoiseSettings(method, reductionDb, db, attackMs, releaseMs, frequencySmoothingBins,
                removeHum, removeClicks);
    }

    public DenoiseSettings withHumRemoval(boolean on) {
        return new DenoiseSettings(method, reductionDb, sensitivityDb, attackMs, releaseMs, frequencySmoothingBins,
                on, removeClicks);
    }

    public DenoiseSettings withClickRemoval(boolean on) {
        return new DenoiseSettings(method, reductionDb, sensitivityDb, attackMs, releaseMs, frequencySmoothingBins,
                removeHum, on);
    }

    public DenoiseSettings withSmoothing(double attack, double release, int bins) {
        return new DenoiseSettings(method, reductionDb, sensitivityDb, attack, release, bins, removeHum, removeClicks);
    }
}
