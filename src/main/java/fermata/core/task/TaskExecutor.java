package fermata.core.task;

/**
 * Runs slow jobs with progress and cancellation. The studio uses {@link #workers} (and forwards
 * progress to the FX thread); tests and the CLI use {@link #sameThread()} so results are
 * deterministic and exceptions surface where they happen.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle<T> submit(String name, Job<T> job);

    @Override
    void close();

    /** Runs each job to completion inside {@code submit}. */
    static TaskExecutor sameThread() {
        return sameThread(TaskHandle.ProgressListener.NONE);
    }

    static TaskExecutor sameThread(TaskHandle.ProgressListener listener) {
        return new TaskExecutor() {
            @Override
            public <T> TaskHandle<T> submit(String name, Job<T> job) {
                TaskHandle<T> handle = new TaskHandle<>(name);
                handle.runHere(job, listener);
                return handle;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A pool of daemon worker threads (at least one, at most {@code threads}). */
    static TaskExecutor workers(int threads, TaskHandle.ProgressListener listener) {
        return new WorkerTaskExecutor(threads, listener);
    }
}
