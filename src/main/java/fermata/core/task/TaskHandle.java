package fermata.core.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A submitted job: its result as a future, its latest progress, and a cancel switch. The result
 * completes exceptionally with {@link CancelledException} when the job stopped on cancellation.
 */
public final class TaskHandle<T> {
    private final String name;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile double fraction = -1;
    private volatile String message = "";

    TaskHandle(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public CompletableFuture<T> result() {
        return result;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public double fraction() {
        return fraction;
    }

    public String message() {
        return message;
    }

    /** Runs the job on the calling thread, recording progress and completing the result. */
    void runHere(Job<T> job, ProgressListener listener) {
        Progress progress = new Progress() {
            @Override
            public void update(double f, String m) {
                fraction = f;
                message = m == null ? "" : m;
                listener.progressed(TaskHandle.this, fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        try {
            result.complete(job.run(progress));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** Told of every progress update, on the job's thread. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (handle, fraction, message) -> { };

        void progressed(TaskHandle<?> handle, double fraction, String message);
    }
}
