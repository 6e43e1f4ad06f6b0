package fermata.core.midi;

import fermata.core.error.BadInputException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fermata.core.midi.Smf.file;
import static fermata.core.midi.Smf.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import of hand-built files, one feature each, with every expected value spelled out. */
class MidiReadTest {
    private static final Path NAME = Path.of("song.mid");

    private static Project read(byte[] bytes) throws BadInputException {
        return SmfReader.parse(NAME, bytes).project();
    }

    private static MidiTrack onlyTrack(Project p) {
        assertEquals(1, p.tracks().size(), "tracks");
        return (MidiTrack) p.tracks().get(0);
    }

    private static MidiClip onlyClip(Project p) {
        MidiTrack t = onlyTrack(p);
        assertEquals(1, t.clips().size(), "clips");
        return t.clips().get(0);
    }

    @Test
    void runningStatusAndVelocityZeroNoteOff() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0x90, 0x3C, 0x64,
                0x00, 0x40, 0x50,
                0x83, 0x60, 0x3C, 0x00,
                0x00, 0x40, 0x00,
                0x00, 0x43, 0x70,
                0x83, 0x60, 0x80, 0x43, 0x40,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals(List.of(
                new Note(60, 0, 480, 100, 0),
                new Note(64, 0, 480, 80, 0),
                new Note(67, 480, 480, 112, 0)), onlyClip(p).notes());
    }

    @Test
    void overlappingNotesOfOneKeyPairFirstInFirstOut() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0x90, 0x3C, 0x64,
                0x81, 0x70, 0x3C, 0x50,
                0x81, 0x70, 0x3C, 0x00,
                0x83, 0x60, 0x3C, 0x00,
                0x00, 0x80, 0x3E, 0x40,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals(List.of(new Note(60, 0, 480, 100, 0), new Note(60, 240, 720, 80, 0)), onlyClip(p).notes(),
                "first off ends the first on; the off of key 62 with nothing open is ignored");
    }

    @Test
    void notesStillHeldEndAtTheEndOfTheTrackAndZeroLengthNotesLastOneTick() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0x90, 0x3C, 0x64,
                0x00, 0x90, 0x40, 0x64,
                0x00, 0x40, 0x00,
                0x87, 0x40, 0xFF, 0x2F, 0x00)));
        MidiClip clip = onlyClip(p);
        assertEquals(List.of(new Note(60, 0, 960, 100, 0), new Note(64, 0, 1, 100, 0)), clip.notes());
        assertEquals(960, clip.lengthTicks());
    }

    @Test
    void aOneTickNoteAtTheVeryEndLengthensTheClip() throws Exception {
        MidiClip clip = onlyClip(read(file(1, 960, track(
                0x87, 0x40, 0x90, 0x3C, 0x64,
                0x00, 0x3C, 0x00,
                0x00, 0xFF, 0x2F, 0x00))));
        assertEquals(List.of(new Note(60, 960, 1, 100, 0)), clip.notes());
        assertEquals(961, clip.lengthTicks());
    }

    @Test
    void typeZeroIsSplitByChannel() throws Exception {
        Project p = read(file(0, 960, track(
                0x00, 0xFF, 0x03, 0x04, 'S', 'o', 'n', 'g',
                0x00, 0xC9, 0x00,
                0x00, 0x99, 0x24, 0x64,
                0x00, 0xC2, 0x18,
                0x00, 0x92, 0x40, 0x50,
                0x00, 0x90, 0x3C, 0x64,
                0x87, 0x40, 0x89, 0x24, 0x00,
                0x00, 0x82, 0x40, 0x00,
                0x00, 0x80, 0x3C, 0x00,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals("Song", p.name());
        assertEquals(List.of(
                new MidiTrack("track-1", "Channel 1", new Instrument(0, 0, 0, 0), MixerSettings.UNITY,
                        List.of(new MidiClip("clip-1", 0, 960, List.of(new Note(60, 0, 960, 100, 0))))),
                new MidiTrack("track-2", "Channel 3", new Instrument(24, 0, 0, 2), MixerSettings.UNITY,
                        List.of(new MidiClip("clip-2", 0, 960, List.of(new Note(64, 0, 960, 80, 2))))),
                new MidiTrack("track-3", "Channel 10", new Instrument(0, 0, 0, 9), MixerSettings.UNITY,
                        List.of(new MidiClip("clip-3", 0, 960, List.of(new Note(36, 0, 960, 100, 9)))))),
                p.tracks());
    }

    @Test
    void tempoTimeAndKeySignaturesFromTheConductorTrack() throws Exception {
        Project p = read(file(1, 960,
                track(0x00, 0xFF, 0x03, 0x05, 'T', 'i', 't', 'l', 'e',
                        0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,
                        0x00, 0xFF, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08,
                        0x00, 0xFF, 0x59, 0x02, 0xFD, 0x01,
                        0x8F, 0x00, 0xFF, 0x51, 0x03, 0x06, 0x1A, 0x80,
                        0x8F, 0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 0x18, 0x08,
                        0x00, 0xFF, 0x59, 0x02, 0x02, 0x00,
                        0x00, 0xFF, 0x2F, 0x00),
                track(0x00, 0xFF, 0x03, 0x04, 'L', 'e', 'a', 'd',
                        0x00, 0x90, 0x3C, 0x64,
                        0x87, 0x40, 0x80, 0x3C, 0x40,
                        0x00, 0xFF, 0x2F, 0x00)));
        assertEquals("Title", p.name());
        assertEquals(List.of(new Tempo(0, 500_000), new Tempo(1920, 400_000)), p.tempoMap().changes());
        assertEquals(List.of(new TimeSignature(0, 6, 8), new TimeSignature(3840, 3, 4)), p.timeSignatures());
        assertEquals(List.of(new KeySignature(0, -3, true), new KeySignature(3840, 2, false)), p.keySignatures());
        assertEquals("Lead", onlyTrack(p).name());
        assertEquals(List.of(new Note(60, 0, 960, 100, 0)), onlyClip(p).notes());
    }

    @Test
    void firstProgramChangeWithItsBankSelectIsTheInstrumentAndLaterOnesAreEvents() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0xB0, 0x00, 0x01,
                0x00, 0xB0, 0x20, 0x02,
                0x00, 0xB0, 0x07, 0x64,
                0x00, 0xC0, 0x28,
                0x00, 0x90, 0x3C, 0x64,
                0x87, 0x40, 0xC0, 0x29,
                0x00, 0xB0, 0x00, 0x03,
                0x00, 0x80, 0x3C, 0x40,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals(new Instrument(40, 1, 2, 0), onlyTrack(p).instrument());
        assertEquals(List.of(
                new ControlEvent(0, 0, 7, 100),
                new ControlEvent(960, 0, ControlEvent.PROGRAM, 41),
                new ControlEvent(960, 0, 0, 3)), onlyClip(p).events());
    }

    @Test
    void pitchBendChannelPressureAndControllers() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0xE1, 0x00, 0x40,
                0x83, 0x60, 0xE1, 0x7F, 0x7F,
                0x00, 0x00, 0x00,
                0x00, 0xD1, 0x50,
                0x00, 0xA1, 0x3C, 0x40,
                0x00, 0xB1, 0x40, 0x7F,
                0x00, 0xFF, 0x2F, 0x00)));
        MidiTrack t = onlyTrack(p);
        assertEquals(new Instrument(0, 0, 0, 1), t.instrument(), "no program change: program 0 on the first channel used");
        assertEquals(List.of(
                new ControlEvent(0, 1, ControlEvent.PITCH_BEND, 8192),
                new ControlEvent(480, 1, ControlEvent.PITCH_BEND, 16383),
                new ControlEvent(480, 1, ControlEvent.PITCH_BEND, 0),
                new ControlEvent(480, 1, ControlEvent.CHANNEL_PRESSURE, 80),
                new ControlEvent(480, 1, 64, 127)), t.clips().get(0).events(),
                "polyphonic key pressure has no place in the model and is dropped");
    }

    private static byte[] lowResolutionFile(int division) {
        return file(1, division, track(
                0x00, 0x90, 0x3C, 0x64,
                0x60, 0x80, 0x3C, 0x40,
                0x00, 0x90, 0x3E, 0x64,
                0x30, 0x80, 0x3E, 0x40,
                0x30, 0xFF, 0x51, 0x03, 0x06, 0x1A, 0x80,
                0x00, 0xFF, 0x2F, 0x00));
    }

    @Test
    void resolution96IsRescaledTo960() throws Exception {
        Project p = read(lowResolutionFile(96));
        assertEquals(List.of(new Note(60, 0, 960, 100, 0), new Note(62, 960, 480, 100, 0)), onlyClip(p).notes());
        assertEquals(List.of(new Tempo(0, 400_000), new Tempo(1920, 400_000)), p.tempoMap().changes());
        assertEquals(1920, onlyClip(p).lengthTicks());
    }

    @Test
    void resolution480IsRescaledTo960() throws Exception {
        Project p = read(lowResolutionFile(480));
        assertEquals(List.of(new Note(60, 0, 192, 100, 0), new Note(62, 192, 96, 100, 0)), onlyClip(p).notes());
        assertEquals(List.of(new Tempo(0, 400_000), new Tempo(384, 400_000)), p.tempoMap().changes(),
                "no tempo at tick 0: the first one stated is taken from the start");
    }

    @Test
    void smpteTimeIsConvertedAtAFixed120Bpm() throws Exception {
        Project p = read(file(1, 0xE728, track(
                0x00, 0xFF, 0x51, 0x03, 0x06, 0x1A, 0x80,
                0x00, 0x90, 0x3C, 0x64,
                0x83, 0x74, 0x80, 0x3C, 0x40,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals(List.of(new Note(60, 0, 960, 100, 0)), onlyClip(p).notes(), "25 fps x 40 ticks: 500 ticks = 0.5 s");
        assertEquals(TempoMap.DEFAULT, p.tempoMap(), "tempo events mean nothing when times are absolute");
    }

    @Test
    void unknownChunksAreSkippedAndTrackNamesDecodeLatin1WhenNotUtf8() throws Exception {
        Project p = read(Smf.fileDeclaring(1, 1, 960,
                Smf.chunk("XFIH", 1, 2, 3),
                track(0x00, 0xFF, 0x03, 0x05, 'C', 'a', 'f', 0xE9, 0x00,
                        0x00, 0x90, 0x3C, 0x64, 0x00, 0xFF, 0x2F, 0x00)));
        assertEquals("Caf\u00e9", onlyTrack(p).name(), "Latin-1 e-acute, trailing NUL dropped");
        assertEquals("song", p.name(), "no conductor name: the file name");
    }

    @Test
    void systemExclusiveAndUnusedMetaEventsAreSkippedAndRunningStatusSurvivesThem() throws Exception {
        Project p = read(file(1, 960, track(
                0x00, 0x90, 0x3C, 0x64,
                0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7,
                0x00, 0xFF, 0x01, 0x02, 'h', 'i',
                0x00, 0x3E, 0x50,
                0x87, 0x40, 0x3C, 0x00,
                0x00, 0x3E, 0x00,
                0x00, 0xFF, 0x2F, 0x00)));
        assertEquals(List.of(new Note(60, 0, 960, 100, 0), new Note(62, 0, 960, 80, 0)), onlyClip(p).notes());
    }

    @Test
    void typeTwoIsRefusedWithARemedy() {
        BadInputException e = assertThrows(BadInputException.class, () -> read(file(2, 960,
                track(0x00, 0xFF, 0x2F, 0x00))));
        assertEquals("byte 8", e.position());
        assertTrue(e.problem().contains("type 2"), e.problem());
        assertTrue(e.remedy().contains("type 1"), e.remedy());
    }

    @Test
    void readsFromDiskAndSummarizes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tune.mid");
        Files.write(f, lowResolutionFile(96));
        assertEquals(read(lowResolutionFile(96)).tracks(), MidiFiles.read(f).tracks());
        MidiFileSummary s = MidiFiles.summarize(f);
        assertEquals(1, s.type());
        assertEquals(96, s.resolution());
        assertEquals(1, s.trackCount());
        assertEquals(2, s.noteCount());
        assertEquals(0.8, s.durationSeconds(), 1e-9, "two quarters at 400,000 us");
        assertEquals(List.of(new Tempo(0, 400_000), new Tempo(1920, 400_000)), s.tempi());
        assertEquals(List.of(TimeSignature.COMMON), s.timeSignatures());
        assertEquals(List.of(), s.keySignatures());
    }

    @Test
    void importIsReproducible() throws Exception {
        byte[] bytes = lowResolutionFile(480);
        assertEquals(read(bytes), read(bytes));
    }
}
