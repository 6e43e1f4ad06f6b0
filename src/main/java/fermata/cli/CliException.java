package fermata.cli;

/** A usage problem found after parsing (an output that exists without --force, say): exit code 2. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
