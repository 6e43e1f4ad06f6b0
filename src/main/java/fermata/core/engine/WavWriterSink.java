package fermata.core.engine;

import fermata.core.media.WavWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a render into a WAV file through the media package's writer: TPDF dither with a fixed
 * seed for 16 and 24 bits (so a render is byte-identical every time), and all or nothing: the file
 * appears only when every announced frame was written, so a cancelled or failed render leaves no
 * half-written output and any earlier file in place.
 */
public final class WavWriterSink implements AudioSink {
    private final Path target;
    private final WavWriter.Encoding encoding;
    private WavWriter writer;
    private long expectedFrames;

    public WavWriterSink(Path target, WavWriter.Encoding encoding) {
        this.target = target;
        this.encoding = encoding;
    }

    @Override
    public void begin(int sampleRate, int channels, long totalFrames) throws IOException {
        WavWriter.Dither dither = encoding == WavWriter.Encoding.FLOAT_32 ? WavWriter.Dither.NONE : WavWriter.Dither.TPDF;
        writer = WavWriter.create(target, sampleRate, channels, encoding, dither);
        expectedFrames = totalFrames;
    }

    @Override
    public void write(float[][] planar, int frames) throws IOException {
        writer.write(planar, 0, frames);
    }

    @Override
    public void close() throws IOException {
        if (writer == null) {
            return;
        }
        try {
            if (writer.framesWritten() == expectedFrames) {
                writer.commit();
            }
        } finally {
            writer.close();
        }
    }
}
