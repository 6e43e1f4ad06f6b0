package fermata.core.engine;

/** Receives progress of a long job: a fraction 0..1 and a short message for a status line. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}
