package fermata.core.midi;

import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reader gathers for one model track: notes and channel events in model ticks, and the
 * instrument. The first program change of the track becomes the {@link Instrument}, together with
 * the bank select (CC0 / CC32) values sent on its channel before it; later program changes stay
 * in the clip as {@link ControlEvent#PROGRAM} events. {@link SmfWriter} writes the instrument as
 * bank select plus program change at tick 0, before anything else, so it reads back the same.
 */
final class ImportedTrack {
    private static final int BANK_MSB = 0;
    private static final int BANK_LSB = 32;

    private final List<Note> notes = new ArrayList<>();
    private final List<ControlEvent> events = new ArrayList<>();
    private String name;
    private boolean hasChannelMessages;
    private int firstChannel = -1;
    private int firstNoteChannel = -1;
    private Instrument instrument;

    void setName(String trackName) {
        name = trackName;
    }

    boolean hasChannelMessages() {
        return hasChannelMessages;
    }

    /** Every channel message passes here, including those the model does not keep (polyphonic pressure). */
    void sawChannelMessage(int channel) {
        hasChannelMessages = true;
        if (firstChannel < 0) {
            firstChannel = channel;
        }
    }

    /** Notes arrive when they end, so the channel of the first note is noted when it starts. */
    void addNote(Note note) {
        notes.add(note);
    }

    void noteStarted(int channel) {
        if (firstNoteChannel < 0) {
            firstNoteChannel = channel;
        }
    }

    void addControl(ControlEvent event) {
        events.add(event);
    }

    void programChange(long tick, int channel, int program) {
        if (instrument != null) {
            events.add(new ControlEvent(tick, channel, ControlEvent.PROGRAM, program));
            return;
        }
        int msb = 0;
        int lsb = 0;
        for (ControlEvent e : events) {
            if (e.channel() == channel && e.type() == BANK_MSB) {
                msb = e.value();
            } else if (e.channel() == channel && e.type() == BANK_LSB) {
                lsb = e.value();
            }
        }
        events.removeIf(e -> e.channel() == channel && (e.type() == BANK_MSB || e.type() == BANK_LSB));
        instrument = new Instrument(program, msb, lsb, channel);
    }

    /**
     * @param trackEnd the end-of-track tick; the clip is longer when a note stretched to one tick
     *     sits at the very end, so that the clip covers every note and exports to the same length
     */
    MidiTrack toTrack(String trackId, String clipId, String fallbackName, long trackEnd) {
        long lengthTicks = trackEnd;
        for (Note n : notes) {
            lengthTicks = Math.max(lengthTicks, n.endTick());
        }
        Instrument played = instrument;
        if (played == null) {
            int channel = firstNoteChannel >= 0 ? firstNoteChannel : Math.max(firstChannel, 0);
            played = new Instrument(0, 0, 0, channel);
        }
        MidiClip clip = new MidiClip(clipId, 0, lengthTicks, notes, events);
        return new MidiTrack(trackId, name != null ? name : fallbackName, played, MixerSettings.UNITY, List.of(clip));
    }
}
