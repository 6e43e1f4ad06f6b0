package fermata.ui.shell;

import fermata.core.edit.AddNotes;
import fermata.core.edit.EditCommand;
import fermata.core.engine.rt.TakeRecorder;
import fermata.core.engine.rt.Transport;
import fermata.core.engine.rt.TransportState;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.ui.shell.TransportViewModel.LoopRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportViewModelTest {
    /** Records what the view-model asks of the audio side; its playhead is set by the test. */
    static final class FakeTransport implements Transport, TakeRecorder {
        final List<String> calls = new ArrayList<>();
        long playhead;
        TransportState state = TransportState.STOPPED;
        String armed;
        boolean recording;
        EditCommand take;

        @Override public int sampleRate() { return 48_000; }
        @Override public void play() { calls.add("play"); state = TransportState.PLAYING; }
        @Override public void pause() { calls.add("pause"); state = TransportState.PAUSED; }
        @Override public void stop() { calls.add("stop"); state = TransportState.STOPPED; playhead = 0; }
        @Override public void seek(long frame) { calls.add("seek " + frame); playhead = frame; }
        @Override public void setLoop(long s, long e) { calls.add("loop " + s + ".." + e); }
        @Override public void setMetronome(boolean on) { calls.add("metronome " + on); }
        @Override public void setCountInBars(int bars) { calls.add("count-in " + bars); }
        @Override public long playheadFrame() { return playhead; }
        @Override public TransportState state() { return state; }
        @Override public boolean offerLiveMessage(int status, int data1, int data2) {
            calls.add("live " + status + " " + data1 + " " + data2);
            return true;
        }
        @Override public void arm(String trackId) { armed = trackId; }
        @Override public void startRecording() {
            if (armed == null) {
                throw new IllegalStateException("arm a MIDI track before recording");
            }
            recording = true;
        }
        @Override public boolean isRecording() { return recording; }
        @Override public void pollRecording() { calls.add("poll"); }
        @Override public Optional<EditCommand> finishRecording(Project project) {
            recording = false;
            return Optional.ofNullable(take);
        }
    }

    private final StudioViewModel studio = new StudioViewModel(StudioViewModelTest.twoTracks(), null);
    private final TransportViewModel vm = new TransportViewModel(studio);
    private final FakeTransport fake = new FakeTransport();

    @Test
    void showsThePlayheadInBarsBeatsAndTimeUnderTheProjectsTempoAndMeter() {
        vm.connect(fake, fake, Optional.empty());
        fake.playhead = 48_000 * 5 / 2;  // 2.5 s at 120 BPM = 5 beats = bar 2, beat 2
        vm.refresh();
        assertEquals("2.2.000", vm.barsBeatsProperty().get());
        assertEquals("0:02.500", vm.clockProperty().get());
        assertEquals(5 * 960, vm.playheadTickProperty().get());
        studio.execute(new fermata.core.edit.SetTimeSignature(new TimeSignature(0, 3, 4)));
        assertEquals("2.3.000", vm.barsBeatsProperty().get(), "redrawn at once when the meter changes");
        assertEquals("3/4", vm.meterProperty().get());
    }

    @Test
    void playPausesStopsAndSeeksThroughTheTransport() {
        vm.connect(fake, fake, Optional.empty());
        vm.togglePlay();
        vm.refresh();
        assertEquals(TransportState.PLAYING, vm.stateProperty().get());
        vm.togglePlay();
        vm.refresh();
        assertEquals(TransportState.PAUSED, vm.stateProperty().get());
        vm.jumpBars(3);
        assertEquals("4.1.000", vm.barsBeatsProperty().get());
        assertTrue(fake.calls.contains("seek " + 48_000 * 6), fake.calls.toString());
        vm.stop();
        vm.refresh();
        assertEquals("1.1.000", vm.barsBeatsProperty().get());
    }

    @Test
    void loopMetronomeAndCountInReachTheEngineInFrames() {
        vm.connect(fake, fake, Optional.empty());
        vm.loopRangeProperty().set(new LoopRange(960 * 4, 960 * 8));
        assertTrue(fake.calls.contains("loop 0..0"), "no loop until it is switched on");
        vm.loopProperty().set(true);
        assertEquals("loop 96000..192000", fake.calls.get(fake.calls.size() - 1));
        vm.metronomeProperty().set(true);
        vm.countInBarsProperty().set(1);
        assertTrue(fake.calls.containsAll(List.of("metronome true", "count-in 1")));
        vm.loopProperty().set(false);
        assertEquals("loop 0..0", fake.calls.get(fake.calls.size() - 1));
    }

    @Test
    void tempoAndMeterEditsAreUndoableAndBadOnesAreRefused() {
        vm.connect(fake, fake, Optional.empty());
        vm.setTempo(90);
        assertEquals(90, vm.tempoBpmProperty().get(), 1e-3);
        vm.setTempo(5000);
        assertTrue(studio.statusProperty().get().contains("10..999"), studio.statusProperty().get());
        assertFalse(vm.setMeter("seven"));
        assertTrue(vm.setMeter("6/8"));
        assertEquals("6/8", vm.meterProperty().get());
        studio.undo();
        studio.undo();
        assertEquals(120, vm.tempoBpmProperty().get(), 1e-6);
        assertEquals("4/4", vm.meterProperty().get());
    }

    @Test
    void recordingNeedsAnArmedTrackAndTheTakeArrivesAsOneEdit() {
        vm.connect(fake, fake, Optional.empty());
        vm.toggleRecord();
        assertFalse(vm.recordingProperty().get());
        assertTrue(studio.statusProperty().get().startsWith("Arm a MIDI track"));

        vm.armedTrackProperty().set("lead");
        assertEquals("lead", fake.armed);
        vm.toggleRecord();
        assertTrue(vm.recordingProperty().get());
        assertEquals(TransportState.PLAYING, fake.state, "recording starts playback");
        vm.refresh();
        assertTrue(fake.calls.contains("poll"), "the take is collected while recording");
        fake.take = new AddNotes("lead", "c1", List.of(new Note(60, 1920, 480, 100)));
        vm.stop();
        assertFalse(vm.recordingProperty().get());
        assertEquals(3, studio.tracks().get(0).items());
        studio.undo();
        assertEquals(2, studio.tracks().get(0).items());
    }

    @Test
    void auditionSoundsANoteOnTheArmedTrackAndItsRunnableEndsIt() {
        vm.connect(fake, fake, Optional.empty());
        vm.audition(60).run();
        assertTrue(fake.calls.stream().noneMatch(c -> c.startsWith("live")), "nothing armed, nothing sounds");
        vm.armedTrackProperty().set("lead");
        Runnable off = vm.audition(64);
        assertEquals("live 144 64 96", fake.calls.get(fake.calls.size() - 1));
        off.run();
        assertEquals("live 128 64 0", fake.calls.get(fake.calls.size() - 1));
    }

    @Test
    void aPreviewPlaysTheCandidateAndStopGoesBackToTheSong() {
        vm.connect(fake, fake, Optional.empty());
        List<Project> published = new ArrayList<>();
        vm.setPublisher(published::add);
        Project candidate = studio.project().withName("with an alternative");
        vm.preview(candidate, 3840);
        assertEquals(List.of(candidate), published);
        assertEquals(TransportState.PLAYING, fake.state);
        assertTrue(fake.calls.contains("seek " + 48_000 * 2), "from bar 2 at 120 BPM");
        vm.stop();
        assertEquals(List.of(candidate, studio.project()), published, "the song itself is heard again");
        vm.stop();
        assertEquals(2, published.size(), "a plain stop publishes nothing");
    }

    @Test
    void withoutASoundDevicePlaySaysWhyAndDoesNothing() {
        vm.connect(fake, fake, Optional.of("no audio output at 48000 Hz: no device"));
        vm.togglePlay();
        assertTrue(fake.calls.stream().noneMatch("play"::equals));
        assertTrue(studio.statusProperty().get().startsWith("no audio output"));
    }
}
