package fermata.core.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The master meters, written by the audio thread and polled by the UI once per frame. Peaks are
 * the maximum since the last poll (so a UI running at 60 Hz misses no block); a non-negative
 * float keeps its order when read as int bits, which makes the lock-free maximum a plain integer
 * max.
 */
public final class MeterReadings {
    private final AtomicInteger peakLeftBits = new AtomicInteger();
    private final AtomicInteger peakRightBits = new AtomicInteger();
    private volatile double momentaryLufs = -70.0;
    private volatile double limiterGainDb;

    void publishPeaks(float left, float right) {
        peakLeftBits.getAndAccumulate(Float.floatToIntBits(left), Math::max);
        peakRightBits.getAndAccumulate(Float.floatToIntBits(right), Math::max);
    }

    void publishLoudness(double lufs, double limiterGainDbValue) {
        momentaryLufs = lufs;
        limiterGainDb = limiterGainDbValue;
    }

    /** The left sample peak (linear) since the last call, and resets it. */
    public float takePeakLeft() {
        return Float.intBitsToFloat(peakLeftBits.getAndSet(0));
    }

    /** The right sample peak (linear) since the last call, and resets it. */
    public float takePeakRight() {
        return Float.intBitsToFloat(peakRightBits.getAndSet(0));
    }

    /** BS.1770 momentary loudness (400 ms) of the master output in LUFS. */
    public double momentaryLufs() {
        return momentaryLufs;
    }

    /** Gain reduction of the master limiter in dB (0 or negative). */
    public double limiterGainDb() {
        return limiterGainDb;
    }
}
