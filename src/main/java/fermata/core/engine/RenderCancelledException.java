package fermata.core.engine;

/** The caller raised the cancellation flag; the sink was closed with what was written so far. */
public final class RenderCancelledException extends Exception {
    public RenderCancelledException(long framesWritten) {
        super("render cancelled after " + framesWritten + " frames");
    }
}
