package fermata.core.engine.rt;

import fermata.core.engine.AudioSink;
import fermata.core.engine.ClipSourceProvider;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SampleRateConverter;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output thread without a sound card: a device that will not open, and a fake line that consumes bytes. */
class RealtimeOutputTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    private static AudioEngine engine() {
        return new AudioEngine(RATE, BLOCK, Optional.empty(), RenderOptions.DEFAULT_CEILING_DBTP, ClipSourceProvider.NONE,
                SampleRateConverter.MATCHING_RATES_ONLY);
    }

    private static Project oneNote() {
        return Project.empty("one note").withTracks(List.of(new MidiTrack("t", "t", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("c", 0, 0, List.of(new Note(69, 0, 960, 100)))))));
    }

    @Test
    void noDeviceIsReportedInOneLineAndTheEngineKeepsWorking() throws Exception {
        try (AudioEngine engine = engine()) {
            RealtimeOutput output = RealtimeOutput.start(engine, 4, (format, bytes) -> {
                throw new LineUnavailableException("no mixer supports\nthe format PCM_SIGNED 48000 Hz");
            });
            String failure = output.failure().orElseThrow();
            assertFalse(failure.contains("\n"), "one line: " + failure);
            assertTrue(failure.startsWith("no audio output at 48000 Hz: no mixer supports the format"), failure);
            assertTrue(failure.contains("offline rendering still work"), failure);
            assertFalse(output.isRunning());
            output.close();

            engine.publish(oneNote());
            engine.play();
            float[][] block = new float[2][BLOCK];
            float peak = 0;
            for (int b = 0; b < 40; b++) {
                engine.renderCycle(block, BLOCK);
                for (float v : block[0]) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
            assertTrue(peak > 0.01f, "the engine still renders, peak " + peak);
        }
        PeakSink sink = new PeakSink();
        new OfflineRenderer().render(oneNote(), RenderOptions.defaults().withTailSeconds(0.2), sink, (p, m) -> {
        }, () -> false);
        assertTrue(sink.frames > RATE / 2 && sink.peak > 0.01f, "offline render: " + sink.frames + " frames, peak " + sink.peak);
    }

    @Test
    void outputThreadPullsBlocksIntoTheLineAndStopsOnClose() throws Exception {
        try (AudioEngine engine = engine()) {
            engine.publish(oneNote());
            engine.play();
            FakeLine line = new FakeLine();
            RealtimeOutput output = RealtimeOutput.start(engine, 4, (format, bytes) -> {
                line.open(format, bytes);
                return line;
            });
            assertEquals(Optional.empty(), output.failure());
            assertTrue(line.started, "the line was started");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (line.written.get() < 50L * BLOCK * 4 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(output.isRunning());
            assertEquals(0, line.written.get() % (BLOCK * 4), "whole blocks of 16-bit stereo");
            assertTrue(line.written.get() >= 50L * BLOCK * 4, "bytes written: " + line.written.get());
            assertTrue(engine.playheadFrame() >= 49L * BLOCK, "the engine advanced with the line: " + engine.playheadFrame());
            assertTrue(line.loudest > 300, "the note reached the line, loudest sample " + line.loudest);

            output.close();
            assertFalse(output.isRunning(), "the thread ended");
            assertFalse(line.isOpen(), "the line is closed");
            long after = line.written.get();
            Thread.sleep(20);
            assertEquals(after, line.written.get(), "nothing written after close");
            assertFalse(line.writeWhenClosed, "never written to a closed line");
            assertEquals(Optional.empty(), output.failure());
        }
    }

    private static final class PeakSink implements AudioSink {
        long frames;
        float peak;

        @Override
        public void begin(int sampleRate, int channels, long totalFrames) {
        }

        @Override
        public void write(float[][] planar, int count) {
            frames += count;
            for (int i = 0; i < count; i++) {
                peak = Math.max(peak, Math.abs(planar[0][i]));
            }
        }

        @Override
        public void close() {
        }
    }

    /** A line that takes every byte at once, as a sound card with endless room would. */
    private static final class FakeLine implements SourceDataLine {
        final AtomicLong written = new AtomicLong();
        volatile int loudest;
        volatile boolean started;
        volatile boolean open;
        volatile boolean writeWhenClosed;
        private AudioFormat format;
        private int bufferSize;

        @Override
        public void open(AudioFormat f, int bufferBytes) {
            format = f;
            bufferSize = bufferBytes;
            open = true;
        }

        @Override
        public void open(AudioFormat f) {
            open(f, 4096);
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public int write(byte[] b, int off, int len) {
            if (!open) {
                writeWhenClosed = true;
                return 0;
            }
            for (int i = off; i + 1 < off + len; i += 2) {
                loudest = Math.max(loudest, Math.abs((short) ((b[i] & 0xFF) | b[i + 1] << 8)));
            }
            written.addAndGet(len);
            return len;
        }

        @Override
        public void drain() {
        }

        @Override
        public void flush() {
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void stop() {
            started = false;
        }

        @Override
        public boolean isRunning() {
            return started;
        }

        @Override
        public boolean isActive() {
            return started;
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public int getBufferSize() {
            return bufferSize;
        }

        @Override
        public int available() {
            return bufferSize;
        }

        @Override
        public int getFramePosition() {
            return (int) getLongFramePosition();
        }

        @Override
        public long getLongFramePosition() {
            return written.get() / 4;
        }

        @Override
        public long getMicrosecondPosition() {
            return getLongFramePosition() * 1_000_000L / RATE;
        }

        @Override
        public float getLevel() {
            return AudioSystem.NOT_SPECIFIED;
        }

        @Override
        public Line.Info getLineInfo() {
            return new Line.Info(SourceDataLine.class);
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Control[] getControls() {
            return new Control[0];
        }

        @Override
        public boolean isControlSupported(Control.Type control) {
            return false;
        }

        @Override
        public Control getControl(Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public void addLineListener(LineListener listener) {
        }

        @Override
        public void removeLineListener(LineListener listener) {
        }
    }
}
