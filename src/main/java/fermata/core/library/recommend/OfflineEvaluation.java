package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * The standard offline protocol: hold out a random 20% of each listener's items, train on the
 * rest, rank the whole catalogue without the training items for every listener with something
 * held out, and average Recall@K, NDCG@K and HR@K; catalogue coverage is the share of items that
 * appear in at least one top-K list. The time covers training and ranking, not reading the file.
 */
public final class OfflineEvaluation {
    public static final double HOLDOUT_FRACTION = 0.2;

    /** Averages over {@code listeners} evaluated listeners. */
    public record Result(ModelKind model, int k, double recall, double ndcg, double hitRate, double coverage,
                         double seconds, double cpuSeconds, int listeners, int items) {
    }

    private OfflineEvaluation() {
    }

    public static Result run(Interactions all, ModelKind kind, int k, long seed, Progress progress) throws CancelledException {
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1: " + k);
        }
        Holdout split = Holdout.split(all, HOLDOUT_FRACTION, seed);
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        RecommenderModel model = kind.train(split.train(), seed, progress.slice(0, 0.8));
        progress.update(0.8, "ranking the catalogue for every listener");
        Interactions train = split.train();
        int n = all.items();
        double[] recall = new double[all.users()];
        double[] ndcg = new double[all.users()];
        double[] hit = new double[all.users()];
        AtomicIntegerArray recommended = new AtomicIntegerArray(n);
        IntStream.range(0, all.users()).parallel().forEach(u -> {
            int[] held = split.heldOut()[u];
            if (held.length == 0 || progress.isCancelled()) {
                return;
            }
            double[] scores = new double[n];
            model.scoreListener(u, scores);
            for (int p = train.start(u); p < train.end(u); p++) {
                scores[train.itemAt(p)] = Double.NEGATIVE_INFINITY;
            }
            int[] top = TopK.select(scores, k, null);
            recall[u] = RankingMetrics.recall(top, held, k);
            ndcg[u] = RankingMetrics.ndcg(top, held, k);
            hit[u] = RankingMetrics.hitRate(top, held, k);
            for (int item : top) {
                recommended.set(item, 1);
            }
        });
        progress.checkCancelled();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        int evaluated = 0;
        double sumRecall = 0;
        double sumNdcg = 0;
        double sumHit = 0;
        for (int u = 0; u < all.users(); u++) {
            if (split.heldOut()[u].length > 0) {
                evaluated++;
                sumRecall += recall[u];
                sumNdcg += ndcg[u];
                sumHit += hit[u];
            }
        }
        int covered = 0;
        for (int i = 0; i < n; i++) {
            covered += recommended.get(i);
        }
        progress.update(1, "done");
        int users = Math.max(1, evaluated);
        return new Result(kind, k, sumRecall / users, sumNdcg / users, sumHit / users, (double) covered / n, seconds, cpuSeconds,
                evaluated, n);
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not tell: on a shared machine it says what wall time cannot. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
