package fermata.core.project;

/**
 * A value in a project file that does not fit the format, with the JSON path to it. Internal:
 * {@link ProjectFiles} turns it into a {@link fermata.core.error.BadInputException} that names the file.
 */
final class FormatProblem extends RuntimeException {
    private final String path;

    FormatProblem(String path, String problem) {
        super(problem, null, false, false);
        this.path = path;
    }

    String path() {
        return path;
    }

    String problem() {
        return getMessage();
    }
}
