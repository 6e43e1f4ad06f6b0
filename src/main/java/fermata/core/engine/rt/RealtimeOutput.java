package fermata.core.engine.rt;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays an {@link AudioEngine} on the default sound device through a
 * {@code javax.sound.sampled.SourceDataLine}, on its own maximum-priority thread: render a block,
 * convert it to 16-bit PCM in a pre-allocated buffer, write it (the write blocks until the device
 * has room, which paces the loop). When no device opens (no sound card, as on servers and CI,
 * or the device is busy) {@link #start} still returns, with {@link #failure()} saying why; the
 * studio keeps editing and rendering offline.
 */
public final class RealtimeOutput implements AutoCloseable {
    /** Opens the line to play on: the default device, or a test's. */
    @FunctionalInterface
    public interface LineProvider {
        /** An open line in {@code format} with a device buffer of {@code bufferBytes}, not started. */
        SourceDataLine open(AudioFormat format, int bufferBytes) throws LineUnavailableException;
    }

    /** The system's default output device. */
    public static final LineProvider DEFAULT_DEVICE = (format, bufferBytes) -> {
        SourceDataLine line = AudioSystem.getSourceDataLine(format);
        line.open(format, bufferBytes);
        return line;
    };

    /**
     * The output device named {@code name} (as {@link #deviceNames()} lists it); when it is gone,
     * opening fails with a message naming it, and the studio says so.
     */
    public static LineProvider device(String name) {
        return (format, bufferBytes) -> {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (info.getName().equals(name)) {
                    SourceDataLine line = (SourceDataLine) AudioSystem.getMixer(info)
                            .getLine(new DataLine.Info(SourceDataLine.class, format));
                    line.open(format, bufferBytes);
                    return line;
                }
            }
            throw new LineUnavailableException("the output device " + name + " is not connected");
        };
    }

    /** Names of the devices that can play 16-bit stereo, for the preferences. */
    public static List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        Line.Info wanted = new Line.Info(SourceDataLine.class);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(info).isLineSupported(wanted)) {
                    names.add(info.getName());
                }
            } catch (IllegalArgumentException | SecurityException e) {
                // A device that cannot even be asked is not offered.
            }
        }
        return names;
    }

    private final AudioEngine engine;
    private final SourceDataLine line;
    private final Thread thread;
    private final String failure;
    private volatile boolean running;
    private volatile String threadFailure;
    /** Smoothed share of each block's period spent rendering it, for the status bar. */
    private volatile double load;

    private RealtimeOutput(AudioEngine engine, SourceDataLine line, String failure) {
        this.engine = engine;
        this.line = line;
        this.failure = failure;
        this.thread = line == null ? null : new Thread(this::loop, "fermata-audio");
    }

    /**
     * Opens the default output at the engine's rate with a device buffer of
     * {@code bufferBlocks} engine blocks, and starts playing.
     */
    public static RealtimeOutput start(AudioEngine engine, int bufferBlocks) {
        return start(engine, bufferBlocks, DEFAULT_DEVICE);
    }

    /** As {@link #start(AudioEngine, int)} on the line {@code lines} opens. */
    public static RealtimeOutput start(AudioEngine engine, int bufferBlocks, LineProvider lines) {
        AudioFormat format = new AudioFormat(engine.sampleRate(), 16, 2, true, false);
        SourceDataLine line;
        try {
            line = lines.open(format, engine.blockFrames() * 4 * Math.max(2, bufferBlocks));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            // The status bar shows one line; device errors sometimes span several.
            return new RealtimeOutput(engine, null, "no audio output at " + engine.sampleRate() + " Hz: "
                    + reason.replaceAll("\\s+", " ") + "; playback is off, editing and offline rendering still work");
        }
        RealtimeOutput output = new RealtimeOutput(engine, line, null);
        output.running = true;
        line.start();
        output.thread.setPriority(Thread.MAX_PRIORITY);
        output.thread.setDaemon(true);
        output.thread.start();
        return output;
    }

    /** Why the device did not open, or why the output thread stopped by itself; empty while it plays. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure != null ? failure : threadFailure);
    }

    /** Whether the output thread is pulling blocks from the engine. */
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void loop() {
        try {
            pump();
        } catch (RuntimeException e) {
            threadFailure = "audio output stopped: " + e;
        }
    }

    /**
     * The share of real time the engine needs (0..1 and above when it cannot keep up), smoothed
     * over about a second; 0 while nothing plays through the device.
     */
    public double load() {
        return load;
    }

    private void pump() {
        int frames = engine.blockFrames();
        float[][] block = new float[2][frames];
        byte[] pcm = new byte[frames * 4];
        double periodNanos = 1e9 * frames / engine.sampleRate();
        double smoothing = Math.min(1.0, frames / (double) engine.sampleRate());
        double smoothed = 0;
        while (running) {
            long started = System.nanoTime();
            engine.renderCycle(block, frames);
            smoothed += smoothing * ((System.nanoTime() - started) / periodNanos - smoothed);
            load = smoothed;
            int pos = 0;
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < 2; c++) {
                    int v = Math.round(Math.max(-1f, Math.min(1f, block[c][i])) * 32767f);
                    pcm[pos++] = (byte) v;
                    pcm[pos++] = (byte) (v >> 8);
                }
            }
            line.write(pcm, 0, pcm.length);
        }
    }

    /** Stops the thread and closes the device; the engine stays open. */
    @Override
    public void close() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        line.stop();
        line.flush();
        thread.join(2000);
        line.close();
    }
}
