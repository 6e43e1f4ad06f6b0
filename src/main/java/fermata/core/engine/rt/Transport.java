package fermata.core.engine.rt;

/**
 * What a transport bar drives: play, pause, stop, seek, loop, metronome and count-in, and the
 * playhead it shows. {@link AudioEngine} is the real one; UI tests drive a fake.
 */
public interface Transport {
    int sampleRate();

    void play();

    void pause();

    /** Stops and returns to the start. */
    void stop();

    void seek(long frame);

    /** Loops [startFrame, endFrame) while playing; an empty range turns looping off. */
    void setLoop(long startFrame, long endFrame);

    void setMetronome(boolean on);

    /** Bars of clicks before playback starts; 0 for none. */
    void setCountInBars(int bars);

    /** The playhead in timeline frames. */
    long playheadFrame();

    TransportState state();

    /**
     * Plays a MIDI channel message at once through the armed track's instrument (live input, an
     * on-screen keyboard, auditioning a note); false when it could not be queued.
     */
    boolean offerLiveMessage(int status, int data1, int data2);
}
