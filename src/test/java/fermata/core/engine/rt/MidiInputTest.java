package fermata.core.engine.rt;

import fermata.core.edit.EditCommand;
import fermata.core.edit.History;
import fermata.core.engine.ClipSourceProvider;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SampleRateConverter;
import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Track;
import org.junit.jupiter.api.Test;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Transmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live MIDI input to the armed track, recording it into one undoable edit, and device handling without hardware. */
class MidiInputTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;
    /** 120 BPM at 960 ticks per quarter: 1920 ticks a second, 25 frames a tick. */
    private static final double FRAMES_PER_TICK = 25.0;
    private static final double BLOCK_TICKS = BLOCK / FRAMES_PER_TICK;

    /** "keys" panned hard left, "other" hard right: each channel of the output is one track. */
    private static Project twoTracks() {
        List<Track> tracks = List.of(
                new MidiTrack("keys", "keys", Instrument.PIANO, MixerSettings.UNITY.withPan(-1), List.of()),
                new MidiTrack("other", "other", Instrument.PIANO, MixerSettings.UNITY.withPan(1), List.of()));
        return Project.empty("live").withTracks(tracks);
    }

    private static AudioEngine engine() {
        return new AudioEngine(RATE, BLOCK, Optional.empty(), RenderOptions.DEFAULT_CEILING_DBTP, ClipSourceProvider.NONE,
                SampleRateConverter.MATCHING_RATES_ONLY);
    }

    private static MidiInput noDevices(AudioEngine engine) {
        return new MidiInput(engine, List::of);
    }

    private static ShortMessage message(int command, int channel, int data1, int data2) throws InvalidMidiDataException {
        return new ShortMessage(command, channel, data1, data2);
    }

    /** Peak of each output channel over some blocks. */
    private static float[] renderPeaks(AudioEngine engine, int blocks) {
        float[][] block = new float[2][BLOCK];
        float[] peaks = new float[2];
        for (int b = 0; b < blocks; b++) {
            engine.renderCycle(block, BLOCK);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < BLOCK; i++) {
                    peaks[c] = Math.max(peaks[c], Math.abs(block[c][i]));
                }
            }
        }
        return peaks;
    }

    @Test
    void recordedTakeIsOneUndoableClipWithTheNotesPlayed() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            Project project = twoTracks();
            engine.publish(project);
            engine.armTrack("keys");
            MidiRecorder recorder = engine.recorder();
            recorder.start();
            engine.play();
            Receiver in = input.receiver();
            float[] peaks = new float[2];
            float[][] block = new float[2][BLOCK];
            for (int b = 0; b < 120; b++) {
                switch (b) {
                    case 10 -> in.send(message(ShortMessage.NOTE_ON, 0, 60, 100), -1);
                    case 40 -> in.send(message(ShortMessage.NOTE_OFF, 0, 60, 0), -1);
                    case 50 -> {
                        in.send(message(ShortMessage.NOTE_ON, 0, 64, 80), -1);
                        in.send(message(ShortMessage.CONTROL_CHANGE, 0, 64, 127), -1);
                    }
                    case 60 -> in.send(message(ShortMessage.NOTE_ON, 0, 67, 90), -1);
                    case 90 -> in.send(message(ShortMessage.NOTE_ON, 0, 64, 0), -1);
                    case 95 -> in.send(message(ShortMessage.PITCH_BEND, 0, 0, 96), -1);
                    default -> {
                    }
                }
                engine.renderCycle(block, BLOCK);
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < BLOCK; i++) {
                        peaks[c] = Math.max(peaks[c], Math.abs(block[c][i]));
                    }
                }
                if (b % 16 == 0) {
                    recorder.poll();
                }
            }
            assertTrue(peaks[0] > 0.01f, "the armed track (left) sounds, peak " + peaks[0]);
            // The right side hears only the shared reverb's return (centred, well down), never the dry note.
            assertTrue(peaks[1] < 0.2f * peaks[0], "the other track (right) stays silent, peak " + peaks[1]);

            long stopFrame = 120L * BLOCK;
            engine.stop();
            recorder.stop();
            engine.renderCycle(block, BLOCK);
            Optional<EditCommand> edit = recorder.finish(project, Duration.ZERO);
            assertTrue(edit.isPresent(), "a take with notes is an edit");
            assertFalse(recorder.isRecording());

            History history = new History(project);
            Project after = history.execute(edit.get());
            assertEquals("Record 3 notes", history.undoLabel());
            assertEquals(List.of(), after.midiTrack("other").clips());
            List<MidiClip> clips = after.midiTrack("keys").clips();
            assertEquals(1, clips.size());
            MidiClip clip = clips.get(0);
            assertEquals(0, clip.startTick());
            assertEquals(stopFrame / FRAMES_PER_TICK, clip.lengthTicks(), BLOCK_TICKS);
            List<Note> notes = new ArrayList<>(clip.notes());
            notes.sort(Comparator.comparingInt(Note::pitch));
            assertEquals(3, notes.size(), "notes " + notes);
            assertNote(notes.get(0), 60, 10, 40, 100);
            assertNote(notes.get(1), 64, 50, 90, 80);
            assertNote(notes.get(2), 67, 60, 120, 90);
            List<ControlEvent> events = clip.events();
            assertEquals(2, events.size(), "events " + events);
            assertEquals(64, events.get(0).type());
            assertEquals(127, events.get(0).value());
            assertEquals(50 * BLOCK_TICKS, events.get(0).tick(), BLOCK_TICKS);
            assertEquals(ControlEvent.PITCH_BEND, events.get(1).type());
            assertEquals(96 << 7, events.get(1).value());

            assertEquals(project, history.undo(), "the whole take is one undo step");
        }
    }

    private static void assertNote(Note note, int pitch, int onBlock, int offBlock, int velocity) {
        assertEquals(pitch, note.pitch());
        assertEquals(velocity, note.velocity(), "velocity of " + note);
        assertEquals(onBlock * BLOCK_TICKS, note.startTick(), BLOCK_TICKS, "start of " + note);
        assertEquals((offBlock - onBlock) * BLOCK_TICKS, note.lengthTicks(), BLOCK_TICKS, "length of " + note);
    }

    @Test
    void loopWrapClosesHeldNotesAndLaterPassesLandAtTheirLoopPositions() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            Project project = twoTracks();
            engine.publish(project);
            engine.armTrack("keys");
            engine.setLoop(0, 40L * BLOCK);
            engine.recorder().start();
            engine.play();
            float[][] block = new float[2][BLOCK];
            for (int b = 0; b < 50; b++) {
                switch (b) {
                    case 30 -> input.receiver().send(message(ShortMessage.NOTE_ON, 0, 60, 70), -1);
                    case 45 -> input.receiver().send(message(ShortMessage.NOTE_ON, 0, 72, 50), -1);
                    case 48 -> input.receiver().send(message(ShortMessage.NOTE_OFF, 0, 72, 0), -1);
                    default -> {
                    }
                }
                engine.renderCycle(block, BLOCK);
            }
            engine.recorder().stop();
            engine.renderCycle(block, BLOCK);
            Project after = engine.recorder().finish(project, Duration.ZERO).orElseThrow().apply(project);
            MidiClip clip = after.midiTrack("keys").clips().get(0);
            assertEquals(0, clip.startTick());
            assertEquals(40 * BLOCK_TICKS, clip.lengthTicks(), BLOCK_TICKS, "the clip spans the loop");
            List<Note> notes = clip.notes();
            assertEquals(2, notes.size(), "notes " + notes);
            assertNote(notes.get(0), 72, 5, 8, 50);
            assertNote(notes.get(1), 60, 30, 40, 70);
        }
    }

    @Test
    void takeWithoutNotesIsNoEditAndRecordingNeedsAnArmedTrack() throws Exception {
        try (AudioEngine engine = engine()) {
            Project project = twoTracks();
            engine.publish(project);
            MidiRecorder recorder = engine.recorder();
            assertThrows(IllegalStateException.class, recorder::start);
            engine.armTrack("keys");
            recorder.start();
            assertThrows(IllegalStateException.class, recorder::start, "one take at a time");
            engine.play();
            renderPeaks(engine, 10);
            recorder.stop();
            renderPeaks(engine, 1);
            assertEquals(Optional.empty(), recorder.finish(project, Duration.ZERO));
        }
    }

    @Test
    void stoppedTransportStillPlaysLiveInputOnTheArmedTrack() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            engine.publish(twoTracks());
            input.receiver().send(message(ShortMessage.NOTE_ON, 0, 62, 110), -1);
            float[] unarmed = renderPeaks(engine, 20);
            assertEquals(0f, Math.max(unarmed[0], unarmed[1]), "nothing armed, nothing sounds");

            engine.armTrack("other");
            input.receiver().send(message(ShortMessage.NOTE_ON, 3, 62, 110), -1);
            float[] peaks = renderPeaks(engine, 20);
            assertTrue(peaks[1] > 0.01f, "the armed track (right) sounds while stopped, peak " + peaks[1]);
            // The left side hears only the shared reverb's return (centred, well down), never the dry note.
            assertTrue(peaks[0] < 0.2f * peaks[1], "the unarmed track (left) stays silent, peak " + peaks[0]);
            assertEquals(TransportState.STOPPED, engine.state());
            assertEquals(0, engine.playheadFrame());
        }
    }

    @Test
    void countInPlaysTheArmedTrackWithTheClicks() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            engine.publish(twoTracks());
            engine.armTrack("keys");
            engine.setCountInBars(1);
            engine.play();
            renderPeaks(engine, 4);
            input.receiver().send(message(ShortMessage.NOTE_ON, 0, 60, 110), -1);
            float[][] block = new float[2][BLOCK];
            float louderLeft = 0;
            for (int b = 0; b < 20; b++) {
                engine.renderCycle(block, BLOCK);
                assertEquals(TransportState.COUNT_IN, engine.state());
                for (int i = 0; i < BLOCK; i++) {
                    louderLeft = Math.max(louderLeft, Math.abs(block[0][i]) - Math.abs(block[1][i]));
                }
            }
            // The clicks are centred; the armed track is hard left.
            assertTrue(louderLeft > 0.01f, "the armed track sounds during the count-in, left over right " + louderLeft);
        }
    }

    @Test
    void armingRejectsAudioTracksAndSurvivesRepublishing() throws Exception {
        try (AudioEngine engine = engine()) {
            Project project = twoTracks();
            engine.publish(project);
            assertThrows(IllegalArgumentException.class, () -> engine.armTrack("nope"));
            engine.armTrack("keys");
            engine.publish(project.withName("renamed"));
            assertEquals(Optional.of("keys"), engine.armedTrack());
            engine.publish(project.withTracks(List.of(project.track("other"))));
            assertEquals(Optional.empty(), engine.armedTrack(), "a removed track is disarmed");
        }
    }

    @Test
    void noDeviceIsAReportedStateNotAnError() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            assertEquals(List.of(), input.deviceNames());
            assertEquals(0, input.openAll());
            assertEquals("no MIDI input device connected", input.status());
            assertFalse(input.open("Keystation"));
            assertTrue(input.status().contains("Keystation"), input.status());
        }
        try (AudioEngine engine = engine();
             MidiInput broken = new MidiInput(engine, () -> {
                 throw new MidiUnavailableException("no MIDI subsystem");
             })) {
            assertEquals(0, broken.openAll());
            assertTrue(broken.status().contains("no MIDI subsystem"), broken.status());
        }
        try (AudioEngine engine = engine(); MidiInput system = new MidiInput(engine)) {
            system.deviceNames().forEach(name -> assertFalse(name.isBlank()));
        }
    }

    @Test
    void openAllConnectsEachDeviceToTheReceiverAndIgnoresOtherMessages() throws Exception {
        FakeDevice keys = new FakeDevice("Fake keys");
        try (AudioEngine engine = engine(); MidiInput input = new MidiInput(engine, () -> List.of(keys))) {
            assertEquals(List.of("Fake keys"), input.deviceNames());
            assertEquals(1, input.openAll());
            assertTrue(keys.isOpen());
            assertSame(input.receiver(), keys.transmitter.receiver);
            assertEquals("MIDI input from Fake keys", input.status());
            assertEquals(List.of("Fake keys"), input.openDeviceNames());

            engine.publish(twoTracks());
            engine.armTrack("keys");
            keys.transmitter.receiver.send(new SysexMessage(new byte[] {(byte) 0xF0, 0x7E, (byte) 0xF7}, 3), -1);
            keys.transmitter.receiver.send(message(ShortMessage.CHANNEL_PRESSURE, 0, 40, 0), -1);
            assertEquals(0f, renderPeaks(engine, 10)[0], "sysex and pressure do not play");
            keys.transmitter.receiver.send(message(ShortMessage.NOTE_ON, 0, 60, 100), -1);
            assertTrue(renderPeaks(engine, 10)[0] > 0.01f, "a note from the device plays");
            input.close();
            assertFalse(keys.isOpen());
        }
    }

    @Test
    void liveMessagesWithoutARunningAudioThreadAreDroppedAndCounted() throws Exception {
        try (AudioEngine engine = engine(); MidiInput input = noDevices(engine)) {
            ShortMessage note = message(ShortMessage.NOTE_ON, 0, 60, 100);
            for (int i = 0; i < 1100; i++) {
                input.receiver().send(note, -1);
            }
            assertEquals(1100 - 1024, engine.droppedLiveMessages());
            assertThrows(IllegalArgumentException.class, () -> engine.offerLiveMessage(0xF8, 0, 0), "clock is no channel message");
            assertThrows(IllegalArgumentException.class, () -> engine.offerLiveMessage(0x90, 128, 0));
        }
    }

    /** A MIDI device with one transmitter, standing in for a keyboard. */
    private static final class FakeDevice implements MidiDevice {
        private final Info info;
        private final FakeTransmitter transmitter = new FakeTransmitter();
        private boolean open;

        FakeDevice(String name) {
            info = new Info(name, "test", "a keyboard that is not there", "1") {
            };
        }

        @Override
        public Info getDeviceInfo() {
            return info;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long getMicrosecondPosition() {
            return -1;
        }

        @Override
        public int getMaxReceivers() {
            return 0;
        }

        @Override
        public int getMaxTransmitters() {
            return 1;
        }

        @Override
        public Receiver getReceiver() throws MidiUnavailableException {
            throw new MidiUnavailableException("an input only");
        }

        @Override
        public List<Receiver> getReceivers() {
            return List.of();
        }

        @Override
        public Transmitter getTransmitter() {
            return transmitter;
        }

        @Override
        public List<Transmitter> getTransmitters() {
            return List.of(transmitter);
        }
    }

    private static final class FakeTransmitter implements Transmitter {
        private Receiver receiver;

        @Override
        public void setReceiver(Receiver r) {
            receiver = r;
        }

        @Override
        public Receiver getReceiver() {
            return receiver;
        }

        @Override
        public void close() {
        }
    }
}
