package fermata.core.engine;

/**
 * The engine could not do what was asked for a reason other than bad input: the JDK synthesizer
 * is not reachable, a media file needs a sample-rate converter that is not wired, and so on. The
 * message says what failed and what to do about it, in one line.
 */
public class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
