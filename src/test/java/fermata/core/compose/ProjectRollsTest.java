package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProjectRollsTest {
    private static final RollFormat TWO_TRACKS = new RollFormat(4, 21, 88, 2, true);

    private static Project song() {
        MidiTrack melody = new MidiTrack("m", "Melody", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("c1", 960, 1920, List.of(new Note(74, 0, 480, 80), new Note(74, 480, 240, 80)))));
        MidiTrack drums = new MidiTrack("d", "Drums", new Instrument(0, 0, 0, Instrument.DRUM_CHANNEL), MixerSettings.UNITY,
                List.of(new MidiClip("c2", 0, 960, List.of(new Note(36, 0, 120, 100, 9)))));
        MidiTrack bass = new MidiTrack("b", "Bass", Instrument.PIANO.withChannel(1), MixerSettings.UNITY,
                List.of(new MidiClip("c3", 0, 1920, List.of(new Note(38, 0, 1920, 80, 1)))));
        return Project.empty("song").withTracks(List.of(melody, drums, bass))
                .withKeySignatures(List.of(new KeySignature(0, -1, true)));
    }

    @Test
    void pitchedTracksBecomeRollTracksAndComeBack() {
        PianoRoll roll = ProjectRolls.toRoll(song(), TWO_TRACKS);

        assertEquals(8, roll.steps(), "the bass ends last, at tick 1920");
        Project back = ProjectRolls.toProject("back", roll, 0, MusicalKey.parse("D minor"), 90, new TimeSignature(0, 3, 4));
        assertEquals(List.of(new Note(74, 960, 480, 80, 0), new Note(74, 1440, 240, 80, 0)),
                ((MidiTrack) back.tracks().get(0)).clips().get(0).notes(), "the melody, repeated note kept apart");
        assertEquals(List.of(new Note(38, 0, 1920, 80, 1)), ((MidiTrack) back.tracks().get(1)).clips().get(0).notes(), "the bass");
        assertEquals(new KeySignature(0, -1, true), back.keySignatures().get(0));
        assertEquals(3, back.timeSignatureAt(0).numerator());
    }

    @Test
    void keysComeFromTheProjectOrAreEstimated() {
        Project stated = song();
        assertEquals(MusicalKey.parse("D minor"), ProjectRolls.keyOf(stated, ProjectRolls.toRoll(stated, TWO_TRACKS)));
        Project unstated = stated.withKeySignatures(List.of());
        MidiTrack scale = new MidiTrack("s", "Scale", Instrument.PIANO, MixerSettings.UNITY, List.of(new MidiClip("c", 0, 9600,
                List.of(new Note(67, 0, 960, 80), new Note(71, 960, 480, 80), new Note(74, 1440, 960, 80), new Note(62, 2400, 480, 80),
                        new Note(66, 2880, 480, 80), new Note(69, 3360, 480, 80), new Note(67, 3840, 1920, 80)))));
        Project gMajor = unstated.withTracks(List.of(scale));
        assertEquals(MusicalKey.parse("G major"), ProjectRolls.keyOf(gMajor, ProjectRolls.toRoll(gMajor, TWO_TRACKS)));
    }

    @Test
    void aFolderCorpusReadsEveryMidiFileThroughTheSource(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.mid"), "");
        Files.writeString(dir.resolve("sub/a.MIDI"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Corpus corpus = ProjectCorpus.fromFolder(dir, file -> song(), TWO_TRACKS, Progress.NONE);

        assertEquals(List.of("b.mid", "sub/a.MIDI"), corpus.pieces().stream().map(Piece::name).toList());
        assertEquals(MusicalKey.parse("D minor"), corpus.pieces().get(0).key());

        ProjectSource failing = file -> {
            throw new BadInputException(file, "byte 0", "not MIDI", null);
        };
        assertThrows(BadInputException.class, () -> ProjectCorpus.fromFolder(dir, failing, TWO_TRACKS, Progress.NONE));
    }
}
