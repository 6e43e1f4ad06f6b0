package fermata.core.engine.synth;

import java.util.Set;

/**
 * A SoundFont synthesizer playing one MIDI track: the engine's scheduler sends it channel
 * messages stamped with a frame offset and pulls stereo float blocks from it. Construction,
 * {@link #loadInstruments} and {@link #close} run off the audio thread; {@link #send},
 * {@link #sendNow} and {@link #render} run on it.
 */
public interface TrackSynth extends AutoCloseable {
    /**
     * Loads the SoundFont's instruments for these programs (every bank), melodic or percussion,
     * that are not loaded yet. Only what a track plays is loaded, to keep memory and start-up small.
     */
    void loadInstruments(Set<Integer> programs, boolean percussion) throws SynthException;

    /**
     * Frames by which a message's sound lags its time stamp; the scheduler sends messages this
     * much early so that what is heard lines up with the timeline.
     */
    int latencyFrames();

    /**
     * Queues a channel message for {@code framesAhead} frames after the start of the next
     * {@link #render} call (0 = its first frame).
     */
    void send(int command, int channel, int data1, int data2, long framesAhead);

    /** Applies a channel message at once, before the next {@link #render}: live input, resets, chase. */
    void sendNow(int command, int channel, int data1, int data2);

    /** Writes (not adds) {@code frames} frames, at most the block size given at open, into {@code left} and {@code right}. */
    void render(float[] left, float[] right, int frames);

    /**
     * The mono reverb send of the last {@link #render}, for one reverb shared on the master; null
     * when the synthesizer runs its own reverb.
     */
    default float[] reverbSend() {
        return null;
    }

    /** As {@link #reverbSend}, for one chorus shared on the master. */
    default float[] chorusSend() {
        return null;
    }

    @Override
    void close();
}
