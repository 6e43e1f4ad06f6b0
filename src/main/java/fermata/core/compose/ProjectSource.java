package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one file into a project; the corpus loader takes one so that it does not depend on the
 * MIDI package (pass {@code MidiFiles::read} where that reader exists).
 */
@FunctionalInterface
public interface ProjectSource {
    Project read(Path file) throws BadInputException, IOException;
}
