package fermata.core.engine;

import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.TempoMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A MIDI track flattened into channel messages at sample frames, sorted, in parallel primitive
 * arrays so the audio thread walks it with a cursor and never allocates. Built off the audio
 * thread from the model through the tempo map; built again when the project changes.
 *
 * <p>All notes and events of a track play on the track instrument's channel: each track has its
 * own synthesizer, so the channel only matters for General MIDI drums (channel index 9). Notes a
 * clip's length hides (those starting at or after it) are left out; a clip of length 0 plays all
 * its notes, as imported MIDI has no clip bounds. At the same frame, note-offs come first, then
 * controllers and programs, then note-ons, so a repeated note is released before it restarts and
 * plays with the controller values set at its own instant.
 */
public final class MidiSchedule {
    private static final int ORDER_OFF = 0;
    private static final int ORDER_CONTROL = 1;
    private static final int ORDER_ON = 2;

    private final long[] frames;
    private final int[] commands;
    private final int[] data1;
    private final int[] data2;
    private final int channel;

    private MidiSchedule(long[] frames, int[] commands, int[] data1, int[] data2, int channel) {
        this.frames = frames;
        this.commands = commands;
        this.data1 = data1;
        this.data2 = data2;
        this.channel = channel;
    }

    private record Entry(long frame, int order, int command, int data1, int data2) {
    }

    public static MidiSchedule of(MidiTrack track, TempoMap tempo, int sampleRate) {
        Instrument instrument = track.instrument();
        List<Entry> entries = new ArrayList<>();
        for (MidiClip clip : track.clips()) {
            long start = clip.startTick();
            for (Note n : clip.notes()) {
                if (clip.lengthTicks() > 0 && n.startTick() >= clip.lengthTicks()) {
                    continue;
                }
                long on = tempo.frame(start + n.startTick(), sampleRate);
                long off = Math.max(on + 1, tempo.frame(start + n.endTick(), sampleRate));
                entries.add(new Entry(on, ORDER_ON, 0x90, n.pitch(), n.velocity()));
                entries.add(new Entry(off, ORDER_OFF, 0x80, n.pitch(), 0));
            }
            for (ControlEvent e : clip.events()) {
                long frame = tempo.frame(start + e.tick(), sampleRate);
                switch (e.type()) {
                    case ControlEvent.PITCH_BEND -> entries.add(
                            new Entry(frame, ORDER_CONTROL, 0xE0, e.value() & 0x7F, e.value() >> 7));
                    case ControlEvent.CHANNEL_PRESSURE -> entries.add(new Entry(frame, ORDER_CONTROL, 0xD0, e.value(), 0));
                    case ControlEvent.PROGRAM -> entries.add(new Entry(frame, ORDER_CONTROL, 0xC0, e.value(), 0));
                    default -> entries.add(new Entry(frame, ORDER_CONTROL, 0xB0, e.type(), e.value()));
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::frame).thenComparingInt(Entry::order));
        int n = entries.size();
        long[] frames = new long[n];
        int[] commands = new int[n];
        int[] d1 = new int[n];
        int[] d2 = new int[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            frames[i] = e.frame();
            commands[i] = e.command();
            d1[i] = e.data1();
            d2[i] = e.data2();
        }
        return new MidiSchedule(frames, commands, d1, d2, instrument.channel());
    }

    public int size() {
        return frames.length;
    }

    public int channel() {
        return channel;
    }

    public long frame(int index) {
        return frames[index];
    }

    public int command(int index) {
        return commands[index];
    }

    public int data1(int index) {
        return data1[index];
    }

    public int data2(int index) {
        return data2[index];
    }

    /** The frame after the last message, 0 when empty. */
    public long endFrame() {
        return frames.length == 0 ? 0 : frames[frames.length - 1] + 1;
    }

    /** Index of the first message at or after {@code frame}. */
    public int firstAtOrAfter(long frame) {
        int i = Arrays.binarySearch(frames, frame);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && frames[i - 1] == frame) {
            i--;
        }
        return i;
    }
}
