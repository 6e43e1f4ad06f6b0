package fermata.core.midi;

import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link Project} as a type 1 Standard MIDI File at 960 ticks per quarter note: a
 * conductor track (project name, time and key signatures, tempi), then one track per MIDI track
 * with its name, bank select and program at tick 0, and its notes and control events. Audio
 * tracks have no MIDI form and are left out.
 *
 * <p>At one tick, note-offs come first, then control events in their clip order, then
 * note-ons. Notes of the same key and channel are written in {@link Note#ORDER}, so that the
 * first-in first-out pairing of {@link SmfReader} gives them back unchanged whenever a later
 * note of that key does not end before an earlier one (always true of what the reader produced).
 */
final class SmfWriter {
    /** The largest delta time a 4-byte variable-length quantity holds. */
    private static final long MAX_DELTA = 0x0FFFFFFF;

    private final Bytes out = new Bytes(1024);
    private long lastTick;
    private int runningStatus;

    private SmfWriter() {
    }

    static byte[] write(Project project) throws IOException {
        List<MidiTrack> midiTracks = new ArrayList<>();
        for (Track t : project.tracks()) {
            if (t instanceof MidiTrack m) {
                midiTracks.add(m);
            }
        }
        if (midiTracks.size() + 1 > 0xFFFF) {
            throw new IOException("a MIDI file holds at most 65,534 tracks besides the conductor track; the project has "
                    + midiTracks.size());
        }
        SmfWriter writer = new SmfWriter();
        writer.header(midiTracks.size() + 1);
        writer.conductorTrack(project);
        for (MidiTrack track : midiTracks) {
            writer.noteTrack(track);
        }
        return writer.out.toArray();
    }

    private void header(int trackCount) {
        out.ascii("MThd");
        out.int32(6);
        out.int16(1);
        out.int16(trackCount);
        out.int16(Ppq.TICKS_PER_QUARTER);
    }

    private void conductorTrack(Project project) {
        int lengthAt = beginTrack();
        if (!project.name().isBlank()) {
            text(0x03, project.name());
        }
        List<long[]> metas = new ArrayList<>();
        for (TimeSignature ts : project.timeSignatures()) {
            metas.add(new long[] {ts.tick(), 0, ts.numerator(), Integer.numberOfTrailingZeros(ts.denominator())});
        }
        for (KeySignature ks : project.keySignatures()) {
            metas.add(new long[] {ks.tick(), 1, ks.sharps(), ks.minor() ? 1 : 0});
        }
        for (Tempo tempo : project.tempoMap().changes()) {
            metas.add(new long[] {tempo.tick(), 2, tempo.microsPerQuarter(), 0});
        }
        metas.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (long[] meta : metas) {
            delta(meta[0]);
            switch ((int) meta[1]) {
                case 0 -> {
                    int power = (int) meta[3];
                    meta(0x58, new byte[] {(byte) meta[2], (byte) power, (byte) Math.max(1, 96 >> power), 8});
                }
                case 1 -> meta(0x59, new byte[] {(byte) meta[2], (byte) meta[3]});
                default -> {
                    long micros = meta[2];
                    meta(0x51, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros});
                }
            }
        }
        endTrack(lengthAt, lastTick);
    }

    private void noteTrack(MidiTrack track) {
        int lengthAt = beginTrack();
        if (!track.name().isBlank()) {
            text(0x03, track.name());
        }
        Instrument instrument = track.instrument();
        int channel = instrument.channel();
        delta(0);
        channel(0xB0 | channel, 0, instrument.bankMsb());
        delta(0);
        channel(0xB0 | channel, 32, instrument.bankLsb());
        delta(0);
        channel(0xC0 | channel, instrument.program(), -1);

        List<Note> notes = absoluteNotes(track.clips());
        List<ControlEvent> events = absoluteEvents(track.clips());
        long end = 0;
        for (MidiClip clip : track.clips()) {
            end = Math.max(end, clip.endTick());
        }
        EndHeap sounding = new EndHeap(notes);
        int nextOn = 0;
        int nextEvent = 0;
        while (nextOn < notes.size() || nextEvent < events.size() || !sounding.isEmpty()) {
            long tick = Long.MAX_VALUE;
            if (nextOn < notes.size()) {
                tick = notes.get(nextOn).startTick();
            }
            if (nextEvent < events.size()) {
                tick = Math.min(tick, events.get(nextEvent).tick());
            }
            if (!sounding.isEmpty()) {
                tick = Math.min(tick, sounding.minEnd());
            }
            while (!sounding.isEmpty() && sounding.minEnd() == tick) {
                Note n = notes.get(sounding.pop());
                delta(tick);
                channel(0x80 | n.channel(), n.pitch(), 0x40);
                end = Math.max(end, tick);
            }
            for (; nextEvent < events.size() && events.get(nextEvent).tick() == tick; nextEvent++) {
                delta(tick);
                controlEvent(events.get(nextEvent));
                end = Math.max(end, tick);
            }
            for (; nextOn < notes.size() && notes.get(nextOn).startTick() == tick; nextOn++) {
                Note n = notes.get(nextOn);
                delta(tick);
                channel(0x90 | n.channel(), n.pitch(), n.velocity());
                sounding.push(nextOn);
            }
        }
        endTrack(lengthAt, end);
    }

    /** Notes of all clips on the timeline, in {@link Note#ORDER}. */
    private static List<Note> absoluteNotes(List<MidiClip> clips) {
        if (clips.size() == 1 && clips.get(0).startTick() == 0) {
            return clips.get(0).notes();
        }
        List<Note> all = new ArrayList<>();
        for (MidiClip clip : clips) {
            for (Note n : clip.notes()) {
                all.add(n.withStart(clip.startTick() + n.startTick()));
            }
        }
        all.sort(Note.ORDER);
        return all;
    }

    /** Events of all clips on the timeline, by tick; at equal ticks in clip order, then event order. */
    private static List<ControlEvent> absoluteEvents(List<MidiClip> clips) {
        List<ControlEvent> all = new ArrayList<>();
        for (MidiClip clip : clips) {
            for (ControlEvent e : clip.events()) {
                all.add(clip.startTick() == 0 ? e : new ControlEvent(clip.startTick() + e.tick(), e.channel(), e.type(), e.value()));
            }
        }
        all.sort(ControlEvent.ORDER);
        return all;
    }

    private void controlEvent(ControlEvent e) {
        switch (e.type()) {
            case ControlEvent.PITCH_BEND -> channel(0xE0 | e.channel(), e.value() & 0x7F, e.value() >> 7);
            case ControlEvent.CHANNEL_PRESSURE -> channel(0xD0 | e.channel(), e.value(), -1);
            case ControlEvent.PROGRAM -> channel(0xC0 | e.channel(), e.value(), -1);
            default -> channel(0xB0 | e.channel(), e.type(), e.value());
        }
    }

    private int beginTrack() {
        out.ascii("MTrk");
        int lengthAt = out.size();
        out.int32(0);
        lastTick = 0;
        runningStatus = 0;
        return lengthAt;
    }

    private void endTrack(int lengthAt, long endTick) {
        delta(Math.max(endTick, lastTick));
        meta(0x2F, new byte[0]);
        out.setInt32(lengthAt, out.size() - lengthAt - 4);
    }

    /**
     * Writes the delta time up to {@code tick}. A gap longer than one delta can state (2^28 - 1
     * ticks, about 39 hours at 120 BPM) is bridged with empty text meta events, which every reader
     * ignores, instead of refusing the project.
     */
    private void delta(long tick) {
        long delta = tick - lastTick;
        while (delta > MAX_DELTA) {
            out.varLength(MAX_DELTA);
            meta(0x01, new byte[0]);
            delta -= MAX_DELTA;
        }
        out.varLength(delta);
        lastTick = tick;
    }

    /** A channel message with running status; {@code second} is -1 for one-data-byte messages. */
    private void channel(int status, int first, int second) {
        if (status != runningStatus) {
            out.put(status);
            runningStatus = status;
        }
        out.put(first);
        if (second >= 0) {
            out.put(second);
        }
    }

    private void text(int type, String text) {
        out.put(0);
        meta(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Meta events cancel running status (SMF 1.0), so the next channel message states its status again. */
    private void meta(int type, byte[] body) {
        out.put(0xFF);
        out.put(type);
        out.varLength(body.length);
        out.put(body);
        runningStatus = 0;
    }

    /**
     * Indices of sounding notes, smallest end tick first and, at equal ends, the earlier note-on
     * first: the order in which the reader's first-in first-out pairing expects the note-offs.
     */
    private static final class EndHeap {
        private final List<Note> notes;
        private int[] heap = new int[64];
        private int size;

        EndHeap(List<Note> notes) {
            this.notes = notes;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long minEnd() {
            return notes.get(heap[0]).endTick();
        }

        void push(int index) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!before(index, heap[parent])) {
                    break;
                }
                heap[at] = heap[parent];
                at = parent;
            }
            heap[at] = index;
        }

        int pop() {
            int top = heap[0];
            int last = heap[--size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!before(heap[child], last)) {
                    break;
                }
                heap[at] = heap[child];
                at = child;
            }
            heap[at] = last;
            return top;
        }

        private boolean before(int a, int b) {
            long endA = notes.get(a).endTick();
            long endB = notes.get(b).endTick();
            return endA != endB ? endA < endB : a < b;
        }
    }

    /** A growable big-endian byte buffer with the SMF encodings. */
    private static final class Bytes {
        private byte[] buffer;
        private int size;

        Bytes(int capacity) {
            buffer = new byte[capacity];
        }

        int size() {
            return size;
        }

        void put(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        void put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void ascii(String s) {
            put(s.getBytes(StandardCharsets.US_ASCII));
        }

        void int16(int v) {
            put(v >> 8);
            put(v);
        }

        void int32(int v) {
            put(v >> 24);
            put(v >> 16);
            put(v >> 8);
            put(v);
        }

        void setInt32(int at, int v) {
            buffer[at] = (byte) (v >> 24);
            buffer[at + 1] = (byte) (v >> 16);
            buffer[at + 2] = (byte) (v >> 8);
            buffer[at + 3] = (byte) v;
        }

        void varLength(long value) {
            int shift = 21;
            while (shift > 0 && value >> shift == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                put((int) (value >> shift & 0x7F) | 0x80);
            }
            put((int) (value & 0x7F));
        }

        byte[] toArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
