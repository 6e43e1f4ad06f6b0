package fermata.core.model;

import java.util.Comparator;

/**
 * One note of a MIDI clip, immutable. Ticks are relative to the clip's start; see {@link Ppq}.
 *
 * @param pitch MIDI key 0..127
 * @param startTick onset, 0 or later
 * @param lengthTicks duration, at least 1
 * @param velocity 1..127 (0 would be a note-off in MIDI)
 * @param channel MIDI channel 0..15 (9 is General MIDI drums)
 */
public record Note(int pitch, long startTick, long lengthTicks, int velocity, int channel) {

    /** The order a clip keeps its notes in: by start, then pitch, channel, length, velocity. */
    public static final Comparator<Note> ORDER = Comparator.comparingLong(Note::startTick)
            .thenComparingInt(Note::pitch)
            .thenComparingInt(Note::channel)
            .thenComparingLong(Note::lengthTicks)
            .thenComparingInt(Note::velocity);

    public Note {
        Check.range("pitch", pitch, 0, 127);
        Check.range("velocity", velocity, 1, 127);
        Check.range("channel", channel, 0, 15);
        Check.range("note start", startTick, 0, Ppq.MAX_TICK);
        Check.range("note length", lengthTicks, 1, Ppq.MAX_TICK);
    }

    public Note(int pitch, long startTick, long lengthTicks, int velocity) {
        this(pitch, startTick, lengthTicks, velocity, 0);
    }

    public long endTick() {
        return startTick + lengthTicks;
    }

    public Note withPitch(int newPitch) {
        return new Note(newPitch, startTick, lengthTicks, velocity, channel);
    }

    public Note withStart(long newStart) {
        return new Note(pitch, newStart, lengthTicks, velocity, channel);
    }

    public Note withLength(long newLength) {
        return new Note(pitch, startTick, newLength, velocity, channel);
    }

    public Note withVelocity(int newVelocity) {
        return new Note(pitch, startTick, lengthTicks, newVelocity, channel);
    }
}
