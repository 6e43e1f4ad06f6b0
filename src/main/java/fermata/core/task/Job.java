package fermata.core.task;

/** A slow piece of work run off the UI thread: decode, analysis, training, scanning, rendering. */
@FunctionalInterface
public interface Job<T> {
    T run(Progress progress) throws Exception;
}
