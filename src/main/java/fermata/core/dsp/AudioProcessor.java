package fermata.core.dsp;

/**
 * One stage of an insert chain, working in place on planar float blocks. {@link #prepare} is
 * called off the audio thread and may allocate; {@link #process} and {@link #reset} run on the
 * audio thread and must not allocate, lock, log or do I/O.
 */
public interface AudioProcessor {
    /** Allocates state for a sample rate, the largest block {@link #process} will see and a channel count. */
    void prepare(int sampleRate, int maxBlockFrames, int channels);

    /** Processes {@code frames} frames of every channel of {@code buffer} in place. */
    void process(float[][] buffer, int frames);

    /** Clears the signal history (filter memories, envelopes, delay lines) after a seek. */
    void reset();

    /** How many frames the output lags the input; 0 for processors without lookahead. */
    default int latencyFrames() {
        return 0;
    }
}
