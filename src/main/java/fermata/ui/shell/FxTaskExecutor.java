package fermata.ui.shell;

import fermata.core.task.Job;
import fermata.core.task.TaskExecutor;
import fermata.core.task.TaskHandle;
import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;

/**
 * The studio's {@link TaskExecutor}: jobs run on background workers, and their progress, start and
 * end reach the status bar on the FX thread. {@link #onFx} hands a job's result back to the FX
 * thread, where the views may use it.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final TaskExecutor workers;
    private final StatusViewModel status;

    public FxTaskExecutor(StatusViewModel status, int threads) {
        this.status = status;
        this.workers = TaskExecutor.workers(threads,
                (handle, fraction, message) -> Platform.runLater(() -> status.progressed(handle, fraction, message)));
    }

    @Override
    public <T> TaskHandle<T> submit(String name, Job<T> job) {
        TaskHandle<T> handle = workers.submit(name, job);
        Platform.runLater(() -> status.started(handle));
        handle.result().whenComplete((result, failure) -> Platform.runLater(() -> status.finished(handle)));
        return handle;
    }

    /** The same future, completing on the FX thread. */
    public static <T> CompletableFuture<T> onFx(CompletableFuture<T> future) {
        CompletableFuture<T> fx = new CompletableFuture<>();
        future.whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                fx.completeExceptionally(failure);
            } else {
                fx.complete(result);
            }
        }));
        return fx;
    }

    @Override
    public void close() {
        workers.close();
    }
}
