package fermata.core.midi;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;
import fermata.core.project.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Standard MIDI File import and export. Reading accepts types 0 and 1 at any resolution (and
 * SMPTE timing) and rescales to 960 ticks per quarter note; writing produces type 1 at 960.
 * A file read, written and read again gives an equal project (see docs/decisions/0010-midi-files.md
 * for what a file holds that the model does not). Track and clip ids are "track-n" and "clip-n"
 * in file order, so reading the same file twice gives equal projects.
 */
public final class MidiFiles {
    private MidiFiles() {
    }

    /**
     * Imports a type 0 or type 1 Standard MIDI File.
     *
     * @throws BadInputException when the file cannot be read, is not a MIDI file, is type 2, or is
     *     damaged; the exception names the byte offset (and track) where reading stopped
     */
    public static Project read(Path file) throws BadInputException {
        return SmfReader.read(file).project();
    }

    /** Reads a file as {@link #read} does and describes it. */
    public static MidiFileSummary summarize(Path file) throws BadInputException {
        SmfReader.Result result = SmfReader.read(file);
        Project project = result.project();
        return new MidiFileSummary(result.format(), result.resolution(), result.trackCount(), project.noteCount(),
                project.durationSeconds(), project.tempoMap().changes(), project.timeSignatures(),
                project.keySignatures());
    }

    /**
     * Exports the MIDI tracks of a project as a type 1 file at 960 ticks per quarter note,
     * replacing {@code file} atomically if it exists (callers decide whether that is allowed): a
     * failed export leaves the old file as it was.
     *
     * @throws IOException when the file cannot be written, or the project has more MIDI tracks
     *     than a MIDI file can hold (65,534 besides the conductor track)
     */
    public static void write(Project project, Path file) throws IOException {
        AtomicFiles.write(file, SmfWriter.write(project), false);
    }
}
