package fermata.core.task;

/** Thrown by a job that stops because the user cancelled it; not an error. */
public final class CancelledException extends Exception {
    public CancelledException() {
        super("cancelled");
    }
}
