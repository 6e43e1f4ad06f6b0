package fermata.core.midi;

import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Export: exact bytes for a small project, and projects that read back equal. */
class MidiWriteTest {

    private static Project project(List<Track> tracks) {
        return Project.empty("Piece").withTracks(tracks);
    }

    private static MidiTrack track(String id, String name, Instrument instrument, MidiClip... clips) {
        return new MidiTrack(id, name, instrument, MixerSettings.UNITY, List.of(clips));
    }

    @Test
    void writesTheExpectedBytes() throws Exception {
        Project p = project(List.of(track("t", "Lead", new Instrument(40, 1, 2, 3),
                new MidiClip("c", 0, 960, List.of(new Note(60, 0, 480, 100, 3), new Note(60, 480, 480, 90, 3)),
                        List.of(new ControlEvent(480, 3, 7, 64)))))).withKeySignatures(List.of(new KeySignature(0, -1, false)));
        byte[] expected = Smf.file(1, 960,
                Smf.track(0x00, 0xFF, 0x03, 0x05, 'P', 'i', 'e', 'c', 'e',
                        0x00, 0xFF, 0x58, 0x04, 0x04, 0x02, 0x18, 0x08,
                        0x00, 0xFF, 0x59, 0x02, 0xFF, 0x00,
                        0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,
                        0x00, 0xFF, 0x2F, 0x00),
                Smf.track(0x00, 0xFF, 0x03, 0x04, 'L', 'e', 'a', 'd',
                        0x00, 0xB3, 0x00, 0x01,
                        0x00, 0x20, 0x02,
                        0x00, 0xC3, 0x28,
                        0x00, 0x93, 0x3C, 0x64,
                        0x83, 0x60, 0x83, 0x3C, 0x40,
                        0x00, 0xB3, 0x07, 0x40,
                        0x00, 0x93, 0x3C, 0x5A,
                        0x83, 0x60, 0x83, 0x3C, 0x40,
                        0x00, 0xFF, 0x2F, 0x00));
        assertArrayEquals(expected, SmfWriter.write(p));
    }

    @Test
    void everythingTheModelHoldsReadsBackEqual(@TempDir Path dir) throws Exception {
        List<Note> lead = List.of(
                new Note(60, 0, 480, 100, 0),
                new Note(60, 0, 960, 90, 0),
                new Note(60, 240, 960, 80, 0),
                new Note(64, 480, 1, 1, 0),
                new Note(127, 1000, 3, 127, 0));
        List<ControlEvent> events = List.of(
                new ControlEvent(0, 0, 7, 100),
                new ControlEvent(0, 0, 0, 5),
                new ControlEvent(240, 0, ControlEvent.PITCH_BEND, 16383),
                new ControlEvent(240, 0, ControlEvent.PITCH_BEND, 0),
                new ControlEvent(480, 0, ControlEvent.CHANNEL_PRESSURE, 0),
                new ControlEvent(960, 0, ControlEvent.PROGRAM, 41),
                new ControlEvent(1300, 5, 64, 127));
        Project p = project(List.of(
                track("track-1", "Lead \u266b", new Instrument(40, 1, 2, 0),
                        new MidiClip("clip-1", 0, 1300, lead, events)),
                track("track-2", "Drums", new Instrument(0, 0, 0, 9),
                        new MidiClip("clip-2", 0, 2000, List.of(new Note(36, 0, 10, 110, 9), new Note(38, 1990, 10, 70, 9)))),
                track("track-3", "Silent", new Instrument(5, 0, 0, 15),
                        new MidiClip("clip-3", 0, 0, List.of()))))
                .withTempoMap(new TempoMap(List.of(new Tempo(0, 1), new Tempo(100, Tempo.MAX_MICROS), new Tempo(99_999, 500_001))))
                .withTimeSignatures(List.of(new TimeSignature(0, 255, 64), new TimeSignature(7, 1, 1)))
                .withKeySignatures(List.of(new KeySignature(0, 7, true), new KeySignature(5, -7, false)));
        Path f = dir.resolve("out.mid");
        MidiFiles.write(p, f);
        assertEquals(p, MidiFiles.read(f));
    }

    @Test
    void clipStartsAreAddedToNoteAndEventTicks(@TempDir Path dir) throws Exception {
        Project p = project(List.of(track("x", "Two clips", new Instrument(0, 0, 0, 0),
                new MidiClip("a", 0, 960, List.of(new Note(60, 0, 960, 100, 0))),
                new MidiClip("b", 1920, 960, List.of(new Note(62, 0, 480, 100, 0), new Note(60, 480, 480, 100, 0)),
                        List.of(new ControlEvent(100, 0, 10, 0))))));
        Path f = dir.resolve("clips.mid");
        MidiFiles.write(p, f);
        MidiClip merged = ((MidiTrack) MidiFiles.read(f).tracks().get(0)).clips().get(0);
        assertEquals(List.of(new Note(60, 0, 960, 100, 0), new Note(62, 1920, 480, 100, 0), new Note(60, 2400, 480, 100, 0)),
                merged.notes());
        assertEquals(List.of(new ControlEvent(2020, 0, 10, 0)), merged.events());
        assertEquals(2880, merged.lengthTicks());
    }

    @Test
    void gapsLongerThanOneDeltaTimeAreBridged(@TempDir Path dir) throws Exception {
        long far = (1L << 28) * 3 + 5;
        Project p = project(List.of(track("track-1", "Late", Instrument.PIANO,
                new MidiClip("clip-1", 0, far + 10, List.of(new Note(60, 0, 1, 100, 0), new Note(61, far, 10, 100, 0))))));
        Path f = dir.resolve("late.mid");
        MidiFiles.write(p, f);
        assertEquals(p.tracks(), MidiFiles.read(f).tracks());
    }

    /**
     * The documented limit of first-in first-out pairing: a note that starts later but ends
     * earlier than another of the same key cannot be told apart in a MIDI file.
     */
    @Test
    void aNestedNoteOfTheSameKeyIsRepairedFirstInFirstOut(@TempDir Path dir) throws Exception {
        Project p = project(List.of(track("track-1", "Nested", Instrument.PIANO,
                new MidiClip("clip-1", 0, 200, List.of(new Note(60, 0, 200, 100, 0), new Note(60, 50, 50, 100, 0))))));
        Path f = dir.resolve("nested.mid");
        MidiFiles.write(p, f);
        assertEquals(List.of(new Note(60, 0, 100, 100, 0), new Note(60, 50, 150, 100, 0)),
                ((MidiTrack) MidiFiles.read(f).tracks().get(0)).clips().get(0).notes());
    }
}
