package fermata.core.engine;

import java.io.IOException;

/**
 * Where an offline render goes, block by block, as planar float samples in -1..1 (the limiter
 * keeps them there). The CLI streams to a WAV writer; tests keep the samples in memory.
 */
public interface AudioSink extends AutoCloseable {
    /** Called once before the first block. {@code totalFrames} is exact unless the render is cancelled. */
    void begin(int sampleRate, int channels, long totalFrames) throws IOException;

    /** {@code planar[c][0..frames)} for each channel c; the arrays are reused after the call returns. */
    void write(float[][] planar, int frames) throws IOException;

    /** Finishes the output (headers, flush); called after the last block, or after a cancel. */
    @Override
    void close() throws IOException;
}
