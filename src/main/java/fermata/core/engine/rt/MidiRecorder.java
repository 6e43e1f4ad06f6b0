package fermata.core.engine.rt;

import fermata.core.edit.AddMidiClip;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.model.ControlEvent;
import fermata.core.model.Ids;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records live MIDI input into the armed track. The audio thread time-stamps each message with
 * the playhead frame of the block that plays it and hands it over through a ring; this class,
 * on the caller's thread (never the audio thread), collects them and, when recording ends, turns
 * frames into ticks through the project's tempo map and the take into one undoable edit: a new
 * clip on the armed track holding the notes and controller events played.
 *
 * <p>Use: {@link AudioEngine#armTrack}, {@link #start}, play; call {@link #poll} now and then
 * (the UI does once per frame) so a long take never fills the ring; {@link #finish} returns the
 * edit for the caller to execute on its history. Notes still held when a pass ends (stop, pause,
 * seek, loop wrap) or recording stops are closed there.
 */
public final class MidiRecorder {
    private static final int NOTE_OFF = 0x80;
    private static final int NOTE_ON = 0x90;
    private static final int CONTROL_CHANGE = 0xB0;
    private static final int PITCH_BEND = 0xE0;

    private final AudioEngine engine;
    private final MidiMessageRing.Message message = new MidiMessageRing.Message();
    private final List<Recorded> take = new ArrayList<>();
    private String trackId;
    private boolean recordingOffSeen;
    private boolean stopSent;

    /** A message or pass marker as the audio thread stamped it. */
    private record Recorded(long frame, int status, int data1, int data2) {
        int command() {
            return status & 0xF0;
        }
    }

    private record Held(long frame, int velocity) {
    }

    private record Played(int pitch, long startFrame, long endFrame, int velocity) {
    }

    MidiRecorder(AudioEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts a take into the armed track; messages count from the next block that plays (after
     * any count-in). Throws {@link IllegalStateException} when no track is armed or a take is
     * under way.
     */
    public synchronized void start() {
        if (trackId != null) {
            throw new IllegalStateException("a recording is already under way");
        }
        trackId = engine.armedTrack().orElseThrow(() ->
                new IllegalStateException("arm a MIDI track before recording"));
        poll();
        take.clear();
        recordingOffSeen = false;
        stopSent = false;
        engine.setRecording(true);
    }

    /** Whether a take is under way. */
    public synchronized boolean isRecording() {
        return trackId != null;
    }

    /** Moves what the audio thread recorded so far out of its ring. */
    public synchronized void poll() {
        MidiMessageRing ring = engine.recordedMessages();
        while (ring.poll(message)) {
            if (message.status == AudioEngine.RECORDING_OFF) {
                recordingOffSeen = true;
            } else if (trackId != null) {
                take.add(new Recorded(message.frame, message.status, message.data1, message.data2));
            }
        }
    }

    /** Messages the audio thread could not hand over because nobody polled, since the engine opened. */
    public long droppedMessages() {
        return engine.droppedRecordedMessages();
    }

    /**
     * Tells the audio thread to stop recording; it answers at its next block, and
     * {@link #finish} collects the take. Stopping the transport ends the current pass but not the
     * take: playing again records on into the same take.
     */
    public synchronized void stop() {
        if (trackId == null) {
            throw new IllegalStateException("no recording under way");
        }
        if (!stopSent) {
            engine.setRecording(false);
            stopSent = true;
        }
    }

    /**
     * Ends the take (see {@link #stop}) and returns it as one edit, empty when nothing was
     * played, waiting up to {@code wait} for the audio thread to confirm the end; without an
     * answer (no output running) held notes close at the playhead. {@code project} is the current version: its tempo map
     * places the notes and its clip ids are avoided.
     */
    public synchronized Optional<EditCommand> finish(Project project, Duration wait) throws InterruptedException {
        stop();
        long deadline = System.nanoTime() + wait.toNanos();
        poll();
        while (!recordingOffSeen && System.nanoTime() < deadline) {
            Thread.sleep(1);
            poll();
        }
        String track = trackId;
        trackId = null;
        List<Recorded> messages = List.copyOf(take);
        take.clear();
        return build(project, track, messages, engine.playheadFrame());
    }

    private Optional<EditCommand> build(Project project, String track, List<Recorded> messages, long fallbackEnd) {
        TempoMap tempo = project.tempoMap();
        MidiTrack midi = project.midiTrack(track);
        int channel = midi.instrument().channel();
        int rate = engine.sampleRate();
        // Keyed by incoming channel and pitch, so the same key on two channels makes two notes.
        Map<Integer, Held> held = new HashMap<>();
        List<Played> played = new ArrayList<>();
        List<Recorded> controls = new ArrayList<>();
        long firstFrame = Long.MAX_VALUE;
        long lastFrame = Long.MIN_VALUE;
        for (Recorded m : messages) {
            int key = (m.status() & 0x0F) << 7 | m.data1();
            if (m.status() == AudioEngine.PASS_START) {
                firstFrame = Math.min(firstFrame, m.frame());
            } else if (m.status() == AudioEngine.PASS_END) {
                closeAll(held, played, m.frame());
                lastFrame = Math.max(lastFrame, m.frame());
            } else if (m.command() == NOTE_ON && m.data2() > 0) {
                Held previous = held.put(key, new Held(m.frame(), m.data2()));
                if (previous != null) {
                    played.add(new Played(m.data1(), previous.frame(), m.frame(), previous.velocity()));
                }
            } else if (m.command() == NOTE_OFF || m.command() == NOTE_ON) {
                Held h = held.remove(key);
                if (h != null) {
                    played.add(new Played(m.data1(), h.frame(), m.frame(), h.velocity()));
                }
            } else if (m.command() == CONTROL_CHANGE || m.command() == PITCH_BEND) {
                controls.add(m);
            }
        }
        if (!held.isEmpty()) {
            closeAll(held, played, fallbackEnd);
            lastFrame = Math.max(lastFrame, fallbackEnd);
        }
        if (played.isEmpty() && controls.isEmpty()) {
            return Optional.empty();
        }
        for (Played p : played) {
            firstFrame = Math.min(firstFrame, p.startFrame());
            lastFrame = Math.max(lastFrame, p.endFrame());
        }
        for (Recorded c : controls) {
            firstFrame = Math.min(firstFrame, c.frame());
            lastFrame = Math.max(lastFrame, c.frame());
        }
        long clipStart = tick(tempo, firstFrame, rate);
        List<Note> notes = new ArrayList<>(played.size());
        for (Played p : played) {
            long start = tick(tempo, p.startFrame(), rate);
            long end = tick(tempo, p.endFrame(), rate);
            notes.add(new Note(p.pitch(), start - clipStart, Math.max(1, end - start), p.velocity(), channel));
        }
        List<ControlEvent> events = new ArrayList<>(controls.size());
        for (Recorded c : controls) {
            long at = tick(tempo, c.frame(), rate) - clipStart;
            events.add(c.command() == PITCH_BEND
                    ? new ControlEvent(at, channel, ControlEvent.PITCH_BEND, c.data1() | c.data2() << 7)
                    : new ControlEvent(at, channel, c.data1(), c.data2()));
        }
        Set<String> clipIds = new HashSet<>();
        midi.clips().forEach(c -> clipIds.add(c.id()));
        long length = Math.max(1, tick(tempo, lastFrame, rate) - clipStart);
        MidiClip clip = new MidiClip(Ids.fresh("clip", clipIds), clipStart, length, notes, events);
        String label = "Record " + notes.size() + (notes.size() == 1 ? " note" : " notes");
        return Optional.of(new CompoundEdit(label, List.of(new AddMidiClip(track, clip))));
    }

    private static void closeAll(Map<Integer, Held> held, List<Played> played, long frame) {
        held.forEach((key, h) -> played.add(new Played(key & 0x7F, h.frame(), frame, h.velocity())));
        held.clear();
    }

    private static long tick(TempoMap tempo, long frame, int rate) {
        return Math.max(0, Math.round(tempo.tickAtFrame(frame, rate)));
    }
}
