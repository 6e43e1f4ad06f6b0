package fermata.core.waveform;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import java.util.Optional;

/**
 * The system's default audio input through {@code javax.sound.sampled}: a {@link TargetDataLine}
 * read as 16-bit signed little-endian PCM and scaled to floats as the media package scales PCM
 * (s / 32768).
 */
public final class LineInput implements AudioInput {
    private final TargetDataLine line;
    private final int channels;
    private final int rate;
    private byte[] bytes = new byte[0];

    private LineInput(TargetDataLine line, int rate, int channels) {
        this.line = line;
        this.rate = rate;
        this.channels = channels;
    }

    /** The default input at this rate and channel count, started; empty when the machine has none that can. */
    public static Optional<LineInput> open(int sampleRate, int channels) {
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        if (!AudioSystem.isLineSupported(info)) {
            return Optional.empty();
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(format);
            line.start();
            return Optional.of(new LineInput(line, sampleRate, channels));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int read(float[][] dest, int maxFrames) {
        int frameBytes = 2 * channels;
        int want = Math.max(1, Math.min(maxFrames, Math.max(1, line.available() / frameBytes)));
        if (bytes.length < want * frameBytes) {
            bytes = new byte[want * frameBytes];
        }
        int got = line.read(bytes, 0, want * frameBytes);
        if (got <= 0) {
            return line.isOpen() ? 0 : -1;
        }
        int frames = got / frameBytes;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                int i = (f * channels + c) * 2;
                short s = (short) ((bytes[i] & 0xFF) | bytes[i + 1] << 8);
                dest[c][f] = s / 32768f;
            }
        }
        return frames;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
