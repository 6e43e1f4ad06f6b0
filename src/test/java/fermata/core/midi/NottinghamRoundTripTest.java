package fermata.core.midi;

import fermata.core.model.Project;
import fermata.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of the shared Nottingham corpus: import, export, import again gives the same project. */
class NottinghamRoundTripTest {

    private static List<Path> corpus() throws Exception {
        Path folder = SharedData.require("midi/nottingham");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> midi = files.filter(f -> f.toString().endsWith(".mid")).sorted().toList();
            assertEquals(1034, midi.size(), "files in " + folder);
            return midi;
        }
    }

    @Test
    void importExportImportIsLossless(@TempDir Path dir) throws Exception {
        long notes = 0;
        for (Path file : corpus()) {
            Project first = MidiFiles.read(file);
            Path copy = dir.resolve("copy.mid");
            MidiFiles.write(first, copy);
            Project second = MidiFiles.read(copy);
            assertEquals(first.tracks(), second.tracks(), () -> "tracks (names, instruments, notes, events) of " + file);
            assertEquals(first.tempoMap(), second.tempoMap(), () -> "tempi of " + file);
            assertEquals(first.timeSignatures(), second.timeSignatures(), () -> "time signatures of " + file);
            assertEquals(first.keySignatures(), second.keySignatures(), () -> "key signatures of " + file);
            assertEquals(first.name(), second.name(), () -> "name of " + file);
            notes += first.noteCount();
        }
        assertTrue(notes > 100_000, "the corpus has a few hundred thousand notes, read " + notes);
    }

    /** javax.sound.midi as an independent reader: the same note and tempo counts, file by file. */
    @Test
    void agreesWithTheJdkReaderOnNoteAndTempoCounts() throws Exception {
        for (Path file : corpus()) {
            Sequence sequence = MidiSystem.getSequence(file.toFile());
            long noteOns = 0;
            long tempi = 0;
            for (javax.sound.midi.Track track : sequence.getTracks()) {
                for (int i = 0; i < track.size(); i++) {
                    MidiEvent event = track.get(i);
                    if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                        noteOns++;
                    } else if (event.getMessage().getStatus() == 0xFF && event.getMessage().getMessage()[1] == 0x51) {
                        tempi++;
                    }
                }
            }
            MidiFileSummary summary = MidiFiles.summarize(file);
            assertEquals(noteOns, summary.noteCount(), () -> "notes of " + file);
            assertEquals(sequence.getResolution(), summary.resolution(), () -> "resolution of " + file);
            assertEquals(Math.max(1, tempi), summary.tempi().size(), () -> "tempi of " + file);
        }
    }
}
