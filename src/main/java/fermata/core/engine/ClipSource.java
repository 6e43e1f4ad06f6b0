package fermata.core.engine;

/**
 * Random-access samples of one media file at the engine's sample rate, as the media package
 * provides them (decoded to memory or a memory-mapped cache). {@link #read} runs on the audio
 * thread, so an implementation must not block, allocate, lock or do file I/O there.
 */
public interface ClipSource {
    int channels();

    int sampleRate();

    long frames();

    /**
     * Copies frames {@code [start, start + count)} of every channel into
     * {@code dest[c][offset .. offset + count)}; frames before 0 or past the end read as 0.
     */
    void read(long start, float[][] dest, int offset, int count);
}
