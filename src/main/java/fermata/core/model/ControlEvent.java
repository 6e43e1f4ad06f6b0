package fermata.core.model;

import java.util.Comparator;

/**
 * A channel event other than a note: a controller, pitch bend, channel pressure or a program
 * change in the middle of a track.
 *
 * @param tick position relative to the clip start
 * @param type a controller number 0..127, or {@link #PITCH_BEND}, {@link #CHANNEL_PRESSURE}, {@link #PROGRAM}
 * @param value 0..127, or 0..16383 for pitch bend (8192 is centre)
 */
public record ControlEvent(long tick, int channel, int type, int value) {
    public static final int PITCH_BEND = 128;
    public static final int CHANNEL_PRESSURE = 129;
    public static final int PROGRAM = 130;

    public static final Comparator<ControlEvent> ORDER = Comparator.comparingLong(ControlEvent::tick);

    public ControlEvent {
        Check.range("event tick", tick, 0, Ppq.MAX_TICK);
        Check.range("channel", channel, 0, 15);
        Check.range("event type", type, 0, PROGRAM);
        Check.range("event value", value, 0, type == PITCH_BEND ? 16383 : 127);
    }
}
