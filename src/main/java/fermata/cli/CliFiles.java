package fermata.cli;

import fermata.core.error.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files a verb is given: inputs must be readable; outputs are never overwritten without --force. */
final class CliFiles {
    private CliFiles() {
    }

    static void requireReadable(Path file) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file, null, "no such file", "Check the path");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(file, null, "not a readable file", "Check the path and its permissions");
        }
    }

    static void requireWritable(Path output, boolean force) {
        if (Files.exists(output) && !force) {
            throw new CliException(output + ": already exists. Add --force to overwrite it, or choose another name");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException(output + ": the folder " + parent + " does not exist. Create it first");
        }
    }
}
