package fermata.core.mix;

/**
 * One stem to mix: planar samples (mono or stereo) with the track it belongs to.
 *
 * @param trackId the project track the stem was rendered from (or a made-up id for loose files)
 * @param name what the user called it (a track or file name): a hint for its role
 */
public record Stem(String trackId, String name, float[][] samples, int sampleRate) {
    public Stem {
        if (samples.length < 1 || samples.length > 2) {
            throw new IllegalArgumentException("stem " + name + " must be mono or stereo, has " + samples.length + " channels");
        }
        if (samples.length == 2 && samples[0].length != samples[1].length) {
            throw new IllegalArgumentException("stem " + name + " has channels of different lengths");
        }
    }

    public int frames() {
        return samples[0].length;
    }
}
