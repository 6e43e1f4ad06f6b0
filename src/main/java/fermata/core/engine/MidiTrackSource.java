package fermata.core.engine;

import fermata.core.engine.synth.TrackSynth;

/** A MIDI track played by its own synthesizer from a {@link MidiSchedule}. */
final class MidiTrackSource implements TrackSource {
    private static final int CONTROL_CHANGE = 0xB0;
    private static final int PROGRAM_CHANGE = 0xC0;
    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;
    private static final int ALL_SOUND_OFF = 120;
    private static final int RESET_ALL_CONTROLLERS = 121;
    private static final int ALL_NOTES_OFF = 123;

    private final TrackSynth synth;
    private final MidiSchedule schedule;
    private final int program;
    private final int bankMsb;
    private final int bankLsb;
    private int cursor;
    private long nextFrame = -1;

    MidiTrackSource(TrackSynth synth, MidiSchedule schedule, int program, int bankMsb, int bankLsb) {
        this.synth = synth;
        this.schedule = schedule;
        this.program = program;
        this.bankMsb = bankMsb;
        this.bankLsb = bankLsb;
    }

    TrackSynth synth() {
        return synth;
    }

    @Override
    public void render(long frame, float[][] out, int frames) {
        if (frame != nextFrame) {
            locate(frame, true);
        }
        long end = frame + frames;
        int ch = schedule.channel();
        // Messages go out the synthesizer's latency early so that what it plays lines up with the timeline.
        int latency = synth.latencyFrames();
        long sendBefore = end + latency;
        while (cursor < schedule.size() && schedule.frame(cursor) < sendBefore) {
            long ahead = schedule.frame(cursor) - latency - frame;
            synth.send(schedule.command(cursor), ch, schedule.data1(cursor), schedule.data2(cursor), Math.max(0, ahead));
            cursor++;
        }
        synth.render(out[0], out[1], frames);
        nextFrame = end;
    }

    /** The synthesizer's reverb send of the last block, or null when it has its own reverb. */
    float[] reverbSend() {
        return synth.reverbSend();
    }

    /** The synthesizer's chorus send of the last block, or null when it has its own chorus. */
    float[] chorusSend() {
        return synth.chorusSend();
    }

    /** Plays a live message (MIDI input) on this track's channel at the start of the next block. */
    void sendLive(int command, int data1, int data2) {
        synth.sendNow(command, schedule.channel(), data1, data2);
    }

    /**
     * Pulls a block from the synthesizer without playing the schedule, while the transport
     * stands still: live input and release tails sound, the timeline does not move.
     */
    void renderIdle(float[][] out, int frames) {
        synth.render(out[0], out[1], frames);
    }

    /**
     * Sends the reset and the chase at once rather than queued for the next block: every queued
     * message was due within the block already rendered, so it is the same moment, and a live
     * message played right after a locate (which is also sent at once) cannot overtake it.
     */
    @Override
    public void locate(long frame, boolean cutSound) {
        int ch = schedule.channel();
        synth.sendNow(CONTROL_CHANGE, ch, cutSound ? ALL_SOUND_OFF : ALL_NOTES_OFF, 0);
        synth.sendNow(CONTROL_CHANGE, ch, RESET_ALL_CONTROLLERS, 0);
        synth.sendNow(CONTROL_CHANGE, ch, 0, bankMsb);
        synth.sendNow(CONTROL_CHANGE, ch, 32, bankLsb);
        synth.sendNow(PROGRAM_CHANGE, ch, program, 0);
        cursor = schedule.firstAtOrAfter(frame);
        // Chase: replay every controller, bend, pressure and program change before the new
        // position so the track sounds as it would had it played from the start.
        for (int i = 0; i < cursor; i++) {
            int command = schedule.command(i);
            if (command != NOTE_ON && command != NOTE_OFF) {
                synth.sendNow(command, ch, schedule.data1(i), schedule.data2(i));
            }
        }
        nextFrame = frame;
    }

    @Override
    public long endFrame() {
        return schedule.endFrame();
    }

    @Override
    public void close() {
        synth.close();
    }
}
