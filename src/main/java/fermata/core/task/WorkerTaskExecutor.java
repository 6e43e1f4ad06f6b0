package fermata.core.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Jobs on a fixed pool of daemon threads named "fermata-worker-N", below normal priority so playback and UI come first. */
final class WorkerTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final TaskHandle.ProgressListener listener;

    WorkerTaskExecutor(int threads, TaskHandle.ProgressListener listener) {
        this.listener = listener;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "fermata-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        pool = Executors.newFixedThreadPool(Math.max(1, threads), factory);
    }

    @Override
    public <T> TaskHandle<T> submit(String name, Job<T> job) {
        TaskHandle<T> handle = new TaskHandle<>(name);
        pool.execute(() -> handle.runHere(job, listener));
        return handle;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
