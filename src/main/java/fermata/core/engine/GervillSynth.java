package fermata.core.engine;

import fermata.core.engine.synth.SynthException;
import fermata.core.engine.synth.TrackSynth;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Patch;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The reference synthesizer: one JDK software synthesizer (Gervill) in stream mode: we pull stereo float blocks from its
 * {@code AudioInputStream} instead of letting it push to a sound card, and send it MIDI messages
 * time-stamped in microseconds of that stream, so it plays exactly what our scheduler says,
 * sample-accurately for note-ons.
 *
 * <p>Gervill renders in internal chunks of {@code sampleRate / controlRate} frames and applies
 * the messages queued for a chunk when it starts that chunk. The control rate is chosen so a
 * chunk is exactly {@link #CHUNK_FRAMES}; since our blocks are multiples of it and messages are
 * sent before the block is pulled, no message ever arrives after its chunk has begun.
 *
 * <p>Stream mode lives in {@code com.sun.media.sound.AudioSynthesizer}, which java.desktop does
 * not export; the JVM must run with {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}
 * (the jar manifest and the test configuration say so).
 *
 * <p>The default is {@link fermata.core.engine.synth.FermataSynth}, several times faster and
 * allocation-free; this one is kept for users who want the JDK's exact sound and for the tests
 * that compare the two (docs/decisions/0041-own-soundfont-voice-engine.md).
 */
public final class GervillSynth implements TrackSynth {
    public static final int CHUNK_FRAMES = 256;
    /**
     * Gervill starts a note one chunk after the chunk its message is applied in (measured: an
     * onset lands {@code CHUNK_FRAMES} frames after its time stamp, whatever the chunk size), so
     * the scheduler sends every message this much early.
     */
    public static final int LATENCY_FRAMES = CHUNK_FRAMES;
    private static final int BYTES_PER_FRAME = 8;

    private final Synthesizer synth;
    private final Receiver receiver;
    private final AudioInputStream stream;
    private final byte[] bytes;
    private final FloatBuffer floats;
    private final ShortMessage message = new ShortMessage();
    private final double microsPerFrame;
    private final int maxBlockFrames;
    private long streamFrame;
    private final Soundbank bank;
    private final Set<String> loaded = new HashSet<>();

    private GervillSynth(Synthesizer synth, AudioInputStream stream, int sampleRate, int maxBlockFrames,
                         Soundbank bank) throws MidiUnavailableException {
        this.bank = bank;
        this.synth = synth;
        this.stream = stream;
        this.receiver = synth.getReceiver();
        this.maxBlockFrames = maxBlockFrames;
        this.bytes = new byte[maxBlockFrames * BYTES_PER_FRAME];
        this.floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        this.microsPerFrame = 1_000_000.0 / sampleRate;
    }

    /**
     * Opens a synthesizer at {@code sampleRate} playing {@code bank} (the built-in bank when
     * empty). Instruments of a SoundFont are loaded on demand with {@link #loadInstruments}.
     * {@code maxBlockFrames} must be a multiple of {@link #CHUNK_FRAMES}.
     */
    public static GervillSynth open(int sampleRate, int maxBlockFrames, Optional<Soundbank> bank) throws EngineException {
        if (maxBlockFrames % CHUNK_FRAMES != 0) {
            throw new IllegalArgumentException("block size must be a multiple of " + CHUNK_FRAMES + ", was " + maxBlockFrames);
        }
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new EngineException("the JDK software synthesizer is not available: " + e.getMessage(), e);
        }
        Method openStream = openStreamMethod(synth);
        Map<String, Object> info = new HashMap<>();
        info.put("control rate", (float) sampleRate / CHUNK_FRAMES);
        info.put("interpolation", "cubic");
        info.put("max polyphony", 128);
        info.put("reverb", Boolean.TRUE);
        info.put("light reverb", Boolean.TRUE);
        info.put("chorus", Boolean.TRUE);
        // Our master limiter controls level; Gervill's own gain control would pump per track.
        info.put("auto gain control", Boolean.FALSE);
        info.put("jitter correction", Boolean.FALSE);
        info.put("large mode", Boolean.FALSE);
        info.put("midi channels", 16);
        info.put("load default soundbank", bank.isEmpty());
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 2, BYTES_PER_FRAME,
                sampleRate, false);
        try {
            AudioInputStream stream = (AudioInputStream) openStream.invoke(synth, format, info);
            return new GervillSynth(synth, stream, sampleRate, maxBlockFrames, bank.orElse(null));
        } catch (IllegalAccessException e) {
            throw new EngineException("the JDK synthesizer's stream mode is not accessible; run Java with "
                    + "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED", e);
        } catch (InvocationTargetException e) {
            throw new EngineException("the JDK synthesizer could not open: " + e.getCause(), e.getCause());
        } catch (MidiUnavailableException e) {
            synth.close();
            throw new EngineException("the JDK synthesizer has no receiver: " + e.getMessage(), e);
        }
    }

    private static Method openStreamMethod(Synthesizer synth) throws EngineException {
        try {
            Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynthesizer.isInstance(synth)) {
                throw new EngineException("the default synthesizer " + synth.getDeviceInfo().getName()
                        + " is not the JDK software synthesizer and cannot render offline");
            }
            return audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new EngineException("this Java runtime has no software synthesizer stream mode (" + e + ")", e);
        }
    }

    /**
     * Loads the SoundFont's instruments for these programs (every bank), melodic or percussion,
     * that are not loaded yet. Loading only what a track plays, rather than the whole SoundFont in
     * every track's synthesizer, keeps memory and start-up small (a 140 MB General MIDI bank times
     * 32 tracks did not fit in 2 GB). Called off the audio thread when a graph is built.
     */
    @Override
    public void loadInstruments(Set<Integer> programs, boolean percussion) throws SynthException {
        if (bank == null) {
            return;
        }
        for (Instrument instrument : bank.getInstruments()) {
            Patch patch = instrument.getPatch();
            if (!programs.contains(patch.getProgram()) || isPercussion(patch) != percussion) {
                continue;
            }
            String key = patch.getBank() + ":" + patch.getProgram() + ":" + percussion;
            if (loaded.add(key) && !synth.loadInstrument(instrument)) {
                throw new SynthException("the synthesizer refused the instrument " + instrument.getName()
                        + " of the SoundFont " + bank.getName());
            }
        }
    }

    // Gervill marks drum kits with its own ModelPatch subclass; java.desktop does not export it, so ask by name.
    private static boolean isPercussion(Patch patch) {
        try {
            return (Boolean) patch.getClass().getMethod("isPercussion").invoke(patch);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public int latencyFrames() {
        return LATENCY_FRAMES;
    }

    /**
     * Queues a channel message for {@code framesAhead} frames after the start of the next
     * {@link #render} call (0 = its first frame); a note-on sounds {@link #LATENCY_FRAMES} later.
     */
    @Override
    public void send(int command, int channel, int data1, int data2, long framesAhead) {
        try {
            message.setMessage(command, channel, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + channel + "/" + data1 + "/" + data2, e);
        }
        receiver.send(message, Math.round((streamFrame + framesAhead) * microsPerFrame));
    }

    /**
     * Applies a channel message at once, before the next {@link #render}: live input, which has
     * no place on the timeline to wait for. Gervill processes a message without a time stamp
     * directly instead of queueing a copy in its time-ordered map, so this path does not allocate.
     */
    @Override
    public void sendNow(int command, int channel, int data1, int data2) {
        try {
            message.setMessage(command, channel, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + channel + "/" + data1 + "/" + data2, e);
        }
        receiver.send(message, -1);
    }

    /** Pulls {@code frames} frames (at most the block size given at open) into {@code left} and {@code right}. */
    @Override
    public void render(float[] left, float[] right, int frames) {
        if (frames > maxBlockFrames) {
            throw new IllegalArgumentException("block of " + frames + " frames exceeds " + maxBlockFrames);
        }
        int wanted = frames * BYTES_PER_FRAME;
        int got = 0;
        try {
            while (got < wanted) {
                int n = stream.read(bytes, got, wanted - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            throw new IllegalStateException("the synthesizer stream failed", e);
        }
        for (int i = 0; i < frames; i++) {
            left[i] = floats.get(2 * i);
            right[i] = floats.get(2 * i + 1);
        }
        streamFrame += frames;
    }

    @Override
    public void close() {
        receiver.close();
        synth.close();
    }
}
