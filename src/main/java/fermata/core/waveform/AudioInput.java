package fermata.core.waveform;

import java.io.IOException;

/**
 * Where a recording comes from: an input device ({@link LineInput}) or, in tests, a generated
 * signal. Read on the recording worker, never on the audio thread.
 */
public interface AudioInput extends AutoCloseable {
    int sampleRate();

    int channels();

    /**
     * Blocks until frames are available and copies up to {@code maxFrames} of them into
     * {@code dest[c][0 ..]}; returns how many, or -1 when the input has ended.
     */
    int read(float[][] dest, int maxFrames) throws IOException;

    @Override
    void close();
}
