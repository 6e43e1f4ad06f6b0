package fermata.core.media;

/** A whole decoded file: planar float samples (-1..1) and their sample rate. */
public record DecodedAudio(float[][] samples, int sampleRate) {
    public int channels() {
        return samples.length;
    }

    public int frames() {
        return samples.length == 0 ? 0 : samples[0].length;
    }
}
