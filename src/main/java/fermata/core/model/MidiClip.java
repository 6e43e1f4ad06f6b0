package fermata.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A region of a MIDI track. Notes and events are relative to {@link #startTick()} and kept sorted
 * ({@link Note#ORDER}), so "the notes sounding between tick a and b" is a binary search plus a short
 * scan bounded by the longest note, not a pass over the whole clip.
 *
 * @param id stable identity within the project, used by edit commands
 * @param startTick where the clip starts on the timeline
 * @param lengthTicks the clip's length; notes may extend past it and still sound
 */
public record MidiClip(String id, long startTick, long lengthTicks, List<Note> notes, List<ControlEvent> events) {

    public MidiClip {
        Check.nonBlank("clip id", id);
        Check.range("clip start", startTick, 0, Ppq.MAX_TICK);
        Check.range("clip length", lengthTicks, 0, Ppq.MAX_TICK);
        notes = sortedCopy(notes);
        events = sortedEvents(events);
    }

    public MidiClip(String id, long startTick, long lengthTicks, List<Note> notes) {
        this(id, startTick, lengthTicks, notes, List.of());
    }

    private static List<Note> sortedCopy(List<Note> notes) {
        if (isSorted(notes)) {
            return List.copyOf(notes);
        }
        List<Note> copy = new ArrayList<>(notes);
        copy.sort(Note.ORDER);
        return List.copyOf(copy);
    }

    private static boolean isSorted(List<Note> notes) {
        for (int i = 1; i < notes.size(); i++) {
            if (Note.ORDER.compare(notes.get(i - 1), notes.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<ControlEvent> sortedEvents(List<ControlEvent> events) {
        List<ControlEvent> copy = new ArrayList<>(events);
        copy.sort(ControlEvent.ORDER);
        return List.copyOf(copy);
    }

    public long endTick() {
        return startTick + lengthTicks;
    }

    /** The longest note's length; bounds the backward scan of {@link #notesBetween}. */
    public long maxNoteLength() {
        long max = 0;
        for (Note n : notes) {
            max = Math.max(max, n.lengthTicks());
        }
        return max;
    }

    /** Index of the first note starting at or after a clip-relative tick. */
    public int firstIndexAtOrAfter(long tick) {
        int lo = 0;
        int hi = notes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (notes.get(mid).startTick() < tick) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Notes that start in [from, to), clip-relative ticks, in order. */
    public List<Note> notesStartingBetween(long from, long to) {
        return notes.subList(firstIndexAtOrAfter(from), firstIndexAtOrAfter(to));
    }

    /**
     * Notes that sound at any time in [from, to), clip-relative ticks: those starting in the range
     * and those started before it that are still held.
     *
     * @param maxNoteLength the clip's {@link #maxNoteLength()}, cached by the caller for speed
     */
    public List<Note> notesBetween(long from, long to, long maxNoteLength) {
        int first = firstIndexAtOrAfter(from - maxNoteLength);
        int end = firstIndexAtOrAfter(to);
        List<Note> result = new ArrayList<>();
        for (int i = first; i < end; i++) {
            Note n = notes.get(i);
            if (n.endTick() > from) {
                result.add(n);
            }
        }
        return result;
    }

    public List<Note> notesBetween(long from, long to) {
        return notesBetween(from, to, maxNoteLength());
    }

    public MidiClip withNotes(List<Note> newNotes) {
        return new MidiClip(id, startTick, lengthTicks, newNotes, events);
    }

    public MidiClip withEvents(List<ControlEvent> newEvents) {
        return new MidiClip(id, startTick, lengthTicks, notes, newEvents);
    }

    public MidiClip withStart(long newStart) {
        return new MidiClip(id, newStart, lengthTicks, notes, events);
    }

    public MidiClip withLength(long newLength) {
        return new MidiClip(id, startTick, newLength, notes, events);
    }

    /** A copy without the given notes (each value removed once per occurrence in {@code removed}). */
    public MidiClip withoutNotes(Collection<Note> removed) {
        boolean[] gone = new boolean[notes.size()];
        for (Note n : removed) {
            int i = firstIndexAtOrAfter(n.startTick());
            while (i < notes.size() && (gone[i] || !notes.get(i).equals(n)) && notes.get(i).startTick() == n.startTick()) {
                i++;
            }
            if (i >= notes.size() || gone[i] || !notes.get(i).equals(n)) {
                throw new IllegalArgumentException("clip " + id + " has no note " + n);
            }
            gone[i] = true;
        }
        List<Note> remaining = new ArrayList<>(notes.size() - removed.size());
        for (int i = 0; i < gone.length; i++) {
            if (!gone[i]) {
                remaining.add(notes.get(i));
            }
        }
        return withNotes(remaining);
    }

    /** A copy with more notes. */
    public MidiClip withAddedNotes(Collection<Note> added) {
        List<Note> all = new ArrayList<>(notes.size() + added.size());
        all.addAll(notes);
        all.addAll(added);
        return withNotes(all);
    }

    /** Index of a note value in the sorted list, or -1. */
    public int indexOf(Note note) {
        int i = firstIndexAtOrAfter(note.startTick());
        for (; i < notes.size() && notes.get(i).startTick() == note.startTick(); i++) {
            if (notes.get(i).equals(note)) {
                return i;
            }
        }
        return -1;
    }
}
