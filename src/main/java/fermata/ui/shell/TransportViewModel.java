package fermata.ui.shell;

import fermata.core.edit.EditCommand;
import fermata.core.edit.SetTempo;
import fermata.core.edit.SetTimeSignature;
import fermata.core.engine.rt.TakeRecorder;
import fermata.core.engine.rt.Transport;
import fermata.core.engine.rt.TransportState;
import fermata.core.model.BarPosition;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The transport bar's state and actions: play and pause, stop, record into the armed track, loop,
 * metronome and count-in, and the position in bars:beats and in time. The audio side is a
 * {@link Transport} (the engine, or a fake in tests); the studio calls {@link #refresh()} once per
 * frame to follow the playhead. Tempo and meter edits are commands on the project, so they undo.
 */
public final class TransportViewModel {
    /** A loop region in ticks, end exclusive. */
    public record LoopRange(long startTick, long endTick) {
        public LoopRange {
            if (startTick < 0 || endTick <= startTick) {
                throw new IllegalArgumentException("a loop needs 0 <= start < end, was " + startTick + ".." + endTick);
            }
        }
    }

    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;
    private static final int AUDITION_VELOCITY = 96;

    private final StudioViewModel studio;
    private Transport transport;
    private TakeRecorder recorder;
    private String unavailable;
    private final ReadOnlyObjectWrapper<TransportState> state = new ReadOnlyObjectWrapper<>(TransportState.STOPPED);
    private final ReadOnlyLongWrapper playheadTick = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper barsBeats = new ReadOnlyStringWrapper("1.1.000");
    private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("0:00.000");
    private final ReadOnlyDoubleWrapper tempoBpm = new ReadOnlyDoubleWrapper(120);
    private final ReadOnlyStringWrapper meter = new ReadOnlyStringWrapper("4/4");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    private final BooleanProperty loop = new SimpleBooleanProperty();
    private final ObjectProperty<LoopRange> loopRange = new SimpleObjectProperty<>();
    private final BooleanProperty metronome = new SimpleBooleanProperty();
    private final IntegerProperty countInBars = new SimpleIntegerProperty();
    private final ObjectProperty<String> armedTrack = new SimpleObjectProperty<>();
    private long lastFrame = -1;
    private Consumer<Project> publisher = p -> { };
    private boolean previewing;

    public TransportViewModel(StudioViewModel studio) {
        this.studio = studio;
        studio.projectProperty().addListener((o, was, now) -> {
            previewing = false;
            showPosition(transport == null ? 0 : transport.playheadFrame(), true);
            sendLoop();
        });
        loop.addListener((o, was, now) -> sendLoop());
        loopRange.addListener((o, was, now) -> sendLoop());
        metronome.addListener((o, was, on) -> {
            if (transport != null) {
                transport.setMetronome(on);
            }
        });
        countInBars.addListener((o, was, bars) -> {
            if (transport != null) {
                transport.setCountInBars(bars.intValue());
            }
        });
        armedTrack.addListener((o, was, id) -> {
            if (recorder != null) {
                try {
                    recorder.arm(id);
                } catch (IllegalArgumentException e) {
                    studio.report("Cannot arm: " + e.getMessage());
                }
            }
        });
        showPosition(0, true);
    }

    /**
     * Connects the audio side; {@code problem} says why nothing would be heard (no sound device),
     * in which case play and record only report it.
     */
    public void connect(Transport t, TakeRecorder r, Optional<String> problem) {
        transport = t;
        recorder = r;
        unavailable = problem.orElse(null);
        transport.setMetronome(metronome.get());
        transport.setCountInBars(countInBars.get());
        sendLoop();
        if (armedTrack.get() != null && recorder != null) {
            recorder.arm(armedTrack.get());
        }
    }

    private boolean usable() {
        if (transport == null || unavailable != null) {
            studio.report(unavailable != null ? unavailable : "Playback is still starting");
            return false;
        }
        return true;
    }

    /** Space: plays from the playhead, or pauses where it is. */
    public void togglePlay() {
        if (!usable()) {
            return;
        }
        if (state.get() == TransportState.PLAYING || state.get() == TransportState.COUNT_IN) {
            transport.pause();
        } else {
            transport.play();
        }
    }

    /** Where a project version goes to be heard (the engine's publish); the studio sets it once playback runs. */
    public void setPublisher(Consumer<Project> publish) {
        this.publisher = publish;
    }

    /**
     * Plays {@code candidate} (the song with an AI alternative applied, say) from {@code fromTick}
     * without changing the song; Stop, or any edit, goes back to the song itself.
     */
    public void preview(Project candidate, long fromTick) {
        if (!usable()) {
            return;
        }
        publisher.accept(candidate);
        previewing = true;
        seekTick(fromTick);
        transport.play();
        studio.report("Auditioning: Stop returns to the song");
    }

    /** Stops, ends a recording take or an audition, and returns to the start. */
    public void stop() {
        if (transport == null) {
            return;
        }
        transport.stop();
        if (previewing) {
            previewing = false;
            publisher.accept(studio.project());
        }
        if (recording.get()) {
            finishTake();
        }
    }

    /** Starts recording into the armed MIDI track and plays; pressed again, ends the take. */
    public void toggleRecord() {
        if (recording.get()) {
            finishTake();
            return;
        }
        if (!usable() || recorder == null) {
            return;
        }
        if (armedTrack.get() == null) {
            studio.report("Arm a MIDI track (R in the track list) before recording");
            return;
        }
        try {
            recorder.startRecording();
        } catch (IllegalStateException e) {
            studio.report("Cannot record: " + e.getMessage());
            return;
        }
        recording.set(true);
        if (state.get() != TransportState.PLAYING) {
            transport.play();
        }
    }

    private void finishTake() {
        recording.set(false);
        try {
            Optional<EditCommand> take = recorder.finishRecording(studio.project());
            if (take.isPresent()) {
                studio.execute(take.get());
            } else {
                studio.report("Nothing was played during the take");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sounds {@code pitch} briefly on the armed track (a click on the piano roll's keyboard, a
     * drawn note): note-on now; the returned runnable sends the note-off.
     */
    public Runnable audition(int pitch) {
        if (transport == null || unavailable != null || armedTrack.get() == null) {
            return () -> { };
        }
        transport.offerLiveMessage(NOTE_ON, pitch, AUDITION_VELOCITY);
        return () -> transport.offerLiveMessage(NOTE_OFF, pitch, 0);
    }

    /** Moves the playhead to {@code tick}. */
    public void seekTick(long tick) {
        Project p = studio.project();
        long frame = p.tempoMap().frame(Math.max(0, tick), sampleRate());
        if (transport != null) {
            transport.seek(frame);
        }
        showPosition(frame, true);
    }

    /** Home: back to the start. */
    public void rewind() {
        seekTick(0);
    }

    /** Jumps {@code bars} bars forward (negative: back) from the bar of the playhead. */
    public void jumpBars(int bars) {
        Project p = studio.project();
        BarPosition now = BarPosition.of(playheadTick.get(), p.timeSignatures());
        long target = Math.max(1, now.bar() + bars);
        seekTick(BarPosition.startOfBar(target, p.timeSignatures()));
    }

    /** Sets the tempo in effect at the playhead, as an undoable edit. */
    public void setTempo(double bpm) {
        if (!(bpm >= 10 && bpm <= 999)) {
            studio.report("Tempo must be 10..999 BPM, was " + bpm);
            return;
        }
        Tempo current = studio.project().tempoMap().tempoAt(playheadTick.get());
        studio.execute(new SetTempo(Tempo.ofBpm(current.tick(), bpm)));
    }

    /** Sets the meter in effect at the playhead, as an undoable edit. */
    public void setMeter(int numerator, int denominator) {
        TimeSignature current = meterAt(studio.project(), playheadTick.get());
        try {
            studio.execute(new SetTimeSignature(new TimeSignature(current.tick(), numerator, denominator)));
        } catch (IllegalArgumentException e) {
            studio.report("Cannot use the meter " + numerator + "/" + denominator + ": " + e.getMessage());
        }
    }

    /** Parses "6/8" and sets it; false, with the reason in the status, when it is not a meter. */
    public boolean setMeter(String text) {
        String[] parts = text.strip().split("\\s*/\\s*");
        try {
            if (parts.length == 2) {
                setMeter(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                return true;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        studio.report("A meter is written like 3/4 or 6/8, not \"" + text + "\"");
        meter.set(meterAt(studio.project(), playheadTick.get()).numerator() + "/"
                + meterAt(studio.project(), playheadTick.get()).denominator());
        return false;
    }

    /** Called once per frame: follows the engine's playhead and state. */
    public void refresh() {
        if (transport == null) {
            return;
        }
        state.set(transport.state());
        if (recording.get() && recorder != null) {
            recorder.pollRecording();
        }
        showPosition(transport.playheadFrame(), false);
    }

    private void showPosition(long frame, boolean force) {
        if (frame == lastFrame && !force) {
            return;
        }
        lastFrame = frame;
        Project p = studio.project();
        long tick = Math.max(0, Math.round(p.tempoMap().tickAtFrame(frame, sampleRate())));
        playheadTick.set(tick);
        barsBeats.set(BarPosition.of(tick, p.timeSignatures()).toString());
        double seconds = frame / (double) sampleRate();
        long millis = Math.round(seconds * 1000);
        clock.set(String.format(Locale.ROOT, "%d:%02d.%03d", millis / 60_000, (millis / 1000) % 60, millis % 1000));
        tempoBpm.set(60_000_000.0 / p.tempoMap().tempoAt(tick).microsPerQuarter());
        TimeSignature ts = meterAt(p, tick);
        meter.set(ts.numerator() + "/" + ts.denominator());
    }

    private static TimeSignature meterAt(Project p, long tick) {
        List<TimeSignature> meters = p.timeSignatures();
        TimeSignature in = meters.get(0);
        for (TimeSignature ts : meters) {
            if (ts.tick() <= tick) {
                in = ts;
            }
        }
        return in;
    }

    private void sendLoop() {
        if (transport == null) {
            return;
        }
        LoopRange range = loopRange.get();
        if (loop.get() && range != null) {
            Project p = studio.project();
            transport.setLoop(p.tempoMap().frame(range.startTick(), sampleRate()),
                    p.tempoMap().frame(range.endTick(), sampleRate()));
        } else {
            transport.setLoop(0, 0);
        }
    }

    private int sampleRate() {
        return transport == null ? studio.project().sampleRate() : transport.sampleRate();
    }

    public ReadOnlyObjectProperty<TransportState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty playheadTickProperty() {
        return playheadTick.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty barsBeatsProperty() {
        return barsBeats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty tempoBpmProperty() {
        return tempoBpm.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterProperty() {
        return meter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    public ObjectProperty<LoopRange> loopRangeProperty() {
        return loopRange;
    }

    public BooleanProperty metronomeProperty() {
        return metronome;
    }

    public IntegerProperty countInBarsProperty() {
        return countInBars;
    }

    /** The MIDI track that takes live input and recordings, or null. */
    public ObjectProperty<String> armedTrackProperty() {
        return armedTrack;
    }
}
