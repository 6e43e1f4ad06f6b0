package fermata.core.engine;

/**
 * What feeds a channel strip: a synthesizer playing a MIDI track or the audio clips of an audio
 * track. Everything but construction and {@link #close} runs on the audio thread.
 */
interface TrackSource extends AutoCloseable {
    /** Writes (not adds) the stereo signal of timeline frames {@code [frame, frame + frames)}. */
    void render(long frame, float[][] out, int frames);

    /**
     * Moves to {@code frame} before the next {@link #render}: sounding notes stop (at once when
     * {@code cutSound}, else with their release, as after an edit during playback) and controller
     * state is brought to what it is at that frame.
     */
    void locate(long frame, boolean cutSound);

    /** The frame after the last sound this source starts, for the render length. */
    long endFrame();

    @Override
    void close();
}
