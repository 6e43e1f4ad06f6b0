package fermata.core.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExecutorTest {

    @Test
    void sameThreadRunsAtOnceAndReportsProgress() throws Exception {
        List<Double> seen = new ArrayList<>();
        try (TaskExecutor exec = TaskExecutor.sameThread((h, f, m) -> seen.add(f))) {
            TaskHandle<Integer> h = exec.submit("sum", p -> {
                int sum = 0;
                for (int i = 1; i <= 4; i++) {
                    sum += i;
                    p.update(i / 4.0, "step " + i);
                }
                return sum;
            });
            assertEquals(10, h.result().get());
            assertEquals(List.of(0.25, 0.5, 0.75, 1.0), seen);
            assertEquals("step 4", h.message());
        }
    }

    @Test
    void cancellationStopsAWorkerJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (TaskExecutor exec = TaskExecutor.workers(1, TaskHandle.ProgressListener.NONE)) {
            TaskHandle<String> h = exec.submit("spin", p -> {
                started.countDown();
                while (true) {
                    p.checkCancelled();
                    Thread.onSpinWait();
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            h.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> h.result().get(5, TimeUnit.SECONDS));
            assertInstanceOf(CancelledException.class, e.getCause());
        }
    }

    @Test
    void sliceMapsIntoTheParentRange() {
        List<Double> seen = new ArrayList<>();
        Progress parent = new Progress() {
            @Override
            public void update(double fraction, String message) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Progress second = parent.slice(0.5, 0.25);
        second.update(0, "");
        second.update(1, "");
        second.update(-1, "");
        assertEquals(List.of(0.5, 0.75, -1.0), seen);
    }
}
