package fermata.core.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Input that Fermata cannot accept: a corrupt or hostile file, or an argument out of range.
 * It always says what failed, in which file, where in it, and what the user can do, so the
 * CLI can print it as one line (exit code 2) and the GUI can show it in a dialog.
 */
public class BadInputException extends Exception {
    private final Path file;
    private final String position;
    private final String problem;
    private final String remedy;

    public BadInputException(Path file, String position, String problem, String remedy) {
        this(file, position, problem, remedy, null);
    }

    public BadInputException(Path file, String position, String problem, String remedy, Throwable cause) {
        super(compose(file, position, problem, remedy), cause);
        this.file = file;
        this.position = position;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.remedy = remedy;
    }

    private static String compose(Path file, String position, String problem, String remedy) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (position != null && !position.isEmpty()) {
                text.append(" (").append(position).append(')');
            }
            text.append(": ");
        } else if (position != null && !position.isEmpty()) {
            text.append(position).append(": ");
        }
        text.append(problem);
        if (remedy != null && !remedy.isEmpty()) {
            text.append(". ").append(remedy);
        }
        return text.toString();
    }

    /** The file that failed, or null when the input was not a file. */
    public Path file() {
        return file;
    }

    /** Where in the file: "byte 1234", "track 3, tick 960", "line 4 column 7"; may be null. */
    public String position() {
        return position;
    }

    public String problem() {
        return problem;
    }

    /** What the user can do about it; may be null. */
    public String remedy() {
        return remedy;
    }
}
