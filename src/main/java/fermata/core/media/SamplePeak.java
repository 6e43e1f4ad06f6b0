package fermata.core.media;

/**
 * The largest absolute sample of a file (sample peak, not true peak) and where it is.
 *
 * @param linear |sample|, 1.0 is full scale; 0 for silence
 * @param channel the channel it is in
 * @param frame the first frame where it occurs
 */
public record SamplePeak(double linear, int channel, long frame) {

    /** The peak in dBFS: 0.0 at full scale, negative infinity for silence. */
    public double dbfs() {
        return 20 * Math.log10(linear);
    }
}
