package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one person's history: models learn from sessions in the first 80% of the time span,
 * then at the start of each later session they rank the catalogue from what was played in the 30
 * days before it (decayed, half-life a week), and Recall@20 counts the session's non-skipped
 * plays found. The blend's weights are learnt the same way one step earlier: models trained on
 * the first 64%, weights chosen on the sessions between 64% and 80%, so the test sessions are
 * never seen when choosing them.
 */
public final class TemporalReplay {
    public static final int K = 20;
    static final long PROFILE_WINDOW_MS = 30L * 24 * 3600 * 1000;
    static final double HALF_LIFE_MS = 7.0 * 24 * 3600 * 1000;
    /** ALS for a single person's sessions: fewer factors than for a population, which has far more to learn from. */
    public static final ImplicitAlsModel.Settings REPLAY_ALS = new ImplicitAlsModel.Settings(32, 10, 0.05, 2);
    /**
     * EASE on sessions: items with one session count, lambda 20 (sessions are short rows), the 2,000
     * most played (the inverse is cubic: 3,000 took 10 s on the shared 2-core machine).
     */
    public static final int EASE_MAX_ITEMS = 2000;
    public static final double EASE_LAMBDA = 20;
    static final int MAX_LEARNING_SESSIONS = 400;
    static final int CANDIDATES_PER_COMPONENT = 100;
    /** Weights tried for each blend component. */
    private static final double[] GRID = {0, 0.5, 1};

    private TemporalReplay() {
    }

    /** Recall@20 per model name (popularity, itemknn, ease, ials, blend) and the blend learnt. */
    public record Result(Map<String, Double> recall, int testSessions, Blend blend) {
    }

    /** Trained models and per-item context for scoring at a moment in the history (the events before {@code end}). */
    public static final class Context {
        final int items;
        final Map<String, RecommenderModel> models = new LinkedHashMap<>();
        final double[][] hourShare;
        final double[] popularity;
        final ZoneId zone;

        public Context(List<ListenEvent> sorted, int end, int items, ZoneId zone, long seed, Progress progress) throws CancelledException {
            this(sorted, end, items, zone, seed, true, progress);
        }

        /** @param withAls whether to train implicit ALS too (the replay reports it; the blend does not use it) */
        public Context(List<ListenEvent> sorted, int end, int items, ZoneId zone, long seed, boolean withAls, Progress progress)
                throws CancelledException {
            this.items = items;
            this.zone = zone;
            Interactions sessions = Sessions.matrix(sorted, 0, end, items);
            models.put("popularity", PopularityModel.train(sessions));
            models.put("itemknn", ItemKnnModel.train(sessions, ItemKnnModel.DEFAULT_NEIGHBOURS, progress));
            models.put("ease", EaseModel.train(sessions, EASE_LAMBDA, 1, EASE_MAX_ITEMS, EaseModel.Form.SMALLER_SIDE, progress));
            if (withAls) {
                models.put("ials", ImplicitAlsModel.train(sessions, REPLAY_ALS, seed, progress));
            }
            hourShare = new double[4][items];
            popularity = new double[items];
            double[] total = new double[items];
            for (int e = 0; e < end; e++) {
                ListenEvent event = sorted.get(e);
                if (!event.skipped()) {
                    hourShare[partOfDay(event.time(), zone)][event.item()]++;
                    total[event.item()]++;
                    popularity[event.item()]++;
                }
            }
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < items; i++) {
                    hourShare[p][i] = total[i] == 0 ? 0 : hourShare[p][i] / total[i];
                }
            }
        }

        /** A trained model by name: popularity, itemknn, ease or ials. */
        public RecommenderModel model(String name) {
            return models.get(name);
        }

        /** Share of an item's plays that fell in each part of the day (see {@link #partOfDay}). */
        public double hourShare(int part, int item) {
            return hourShare[part][item];
        }

        /** Component scores for the blend, in {@link Blend#COMPONENTS} order. */
        public double[][] components(int[] profileItems, double[] profileWeights, double[] again, long time) {
            double[][] c = new double[Blend.COMPONENTS.length][];
            c[0] = new double[items];
            models.get("ease").scoreProfile(profileItems, profileWeights, c[0]);
            c[1] = new double[items];
            models.get("itemknn").scoreProfile(profileItems, profileWeights, c[1]);
            c[2] = again;
            c[3] = hourShare[partOfDay(time, zone)];
            c[4] = popularity;
            return c;
        }
    }

    /** 0 night (22-5h), 1 morning (5-12h), 2 afternoon (12-17h), 3 evening (17-22h). */
    public static int partOfDay(long time, ZoneId zone) {
        int hour = Instant.ofEpochMilli(time).atZone(zone).getHour();
        return hour >= 22 || hour < 5 ? 0 : hour < 12 ? 1 : hour < 17 ? 2 : 3;
    }

    public static Result run(List<ListenEvent> sorted, int items, ZoneId zone, long seed, Progress progress) throws CancelledException {
        if (sorted.size() < 10) {
            throw new IllegalArgumentException("a replay needs a history of at least 10 listens, not " + sorted.size());
        }
        long first = sorted.get(0).time();
        long span = sorted.get(sorted.size() - 1).time() - first;
        int validationStart = indexAt(sorted, first + (long) (0.64 * span));
        int testStart = indexAt(sorted, first + (long) (0.8 * span));
        progress.update(0.05, "learning the blend on the sessions between 64% and 80% of the span");
        Context early = new Context(sorted, validationStart, items, zone, seed, progress);
        Blend blend = learnBlend(sorted, validationStart, testStart, early);
        progress.update(0.5, "replaying the last 20% of the span");
        Context late = new Context(sorted, testStart, items, zone, seed, progress);
        Map<String, Double> recall = new LinkedHashMap<>();
        int[] bounds = Sessions.boundaries(sorted);
        int tested = 0;
        double[] sums = new double[late.models.size() + 1];
        for (int s = 0; s + 1 < bounds.length; s++) {
            if (bounds[s] < testStart) {
                continue;
            }
            progress.checkCancelled();
            int[] target = target(sorted, bounds[s], bounds[s + 1]);
            if (target.length == 0) {
                continue;
            }
            Profile profile = profile(sorted, bounds[s], items);
            int m = 0;
            for (RecommenderModel model : late.models.values()) {
                double[] scores = new double[items];
                model.scoreProfile(profile.items, profile.weights, scores);
                sums[m++] += RankingMetrics.recall(TopK.select(scores, K, null), target, K);
            }
            double[] blended = blend.combine(late.components(profile.items, profile.weights, profile.dense, sorted.get(bounds[s]).time()));
            sums[m] += RankingMetrics.recall(TopK.select(blended, K, null), target, K);
            tested++;
        }
        int m = 0;
        for (String name : late.models.keySet()) {
            recall.put(name, sums[m++] / Math.max(1, tested));
        }
        recall.put("blend", sums[m] / Math.max(1, tested));
        progress.update(1, "done");
        return new Result(recall, tested, blend);
    }

    /**
     * The blend for a whole history: models trained on its first 80%, weights chosen on the rest.
     * Too short a history (under 50 listens) keeps {@link Blend#DEFAULT}.
     */
    public static Blend learnBlend(List<ListenEvent> sorted, int items, ZoneId zone, long seed, Progress progress)
            throws CancelledException {
        if (sorted.size() < 50) {
            return Blend.DEFAULT;
        }
        long first = sorted.get(0).time();
        int cut = indexAt(sorted, first + (long) (0.8 * (sorted.get(sorted.size() - 1).time() - first)));
        return learnBlend(sorted, cut, sorted.size(), new Context(sorted, cut, items, zone, seed, false, progress));
    }

    /**
     * The blend weights with the best Recall@20 over the sessions in [from, to), by grid search.
     * At most {@value #MAX_LEARNING_SESSIONS} sessions, evenly spread, and for each only the items
     * some component puts in its top {@value #CANDIDATES_PER_COMPONENT}: memory and time stay
     * bounded for a history of millions of listens.
     */
    static Blend learnBlend(List<ListenEvent> sorted, int from, int to, Context context) {
        int[] bounds = Sessions.boundaries(sorted);
        List<Integer> chosen = new ArrayList<>();
        for (int s = 0; s + 1 < bounds.length; s++) {
            if (bounds[s] >= from && bounds[s] < to && target(sorted, bounds[s], bounds[s + 1]).length > 0) {
                chosen.add(s);
            }
        }
        if (chosen.isEmpty()) {
            return Blend.DEFAULT;
        }
        int n = Blend.COMPONENTS.length;
        List<int[]> candidates = new ArrayList<>();
        List<double[][]> scaled = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        int take = Math.min(MAX_LEARNING_SESSIONS, chosen.size());
        for (int t = 0; t < take; t++) {
            int s = chosen.get((int) ((long) t * chosen.size() / take));
            Profile profile = profile(sorted, bounds[s], context.items);
            double[][] full = context.components(profile.items, profile.weights, profile.dense, sorted.get(bounds[s]).time());
            java.util.Set<Integer> union = new java.util.TreeSet<>();
            double[][] unit = new double[n][];
            for (int c = 0; c < n; c++) {
                unit[c] = new double[context.items];
                Blend.addScaled(full[c], 1, unit[c]);
                for (int item : TopK.select(unit[c], CANDIDATES_PER_COMPONENT, null)) {
                    union.add(item);
                }
            }
            int[] ids = union.stream().mapToInt(Integer::intValue).toArray();
            double[][] compact = new double[n][ids.length];
            for (int c = 0; c < n; c++) {
                for (int j = 0; j < ids.length; j++) {
                    compact[c][j] = unit[c][ids[j]];
                }
            }
            candidates.add(ids);
            scaled.add(compact);
            targets.add(target(sorted, bounds[s], bounds[s + 1]));
        }
        Blend best = Blend.DEFAULT;
        double bestRecall = -1;
        int combinations = (int) Math.pow(GRID.length, n);
        for (int code = 1; code < combinations; code++) {
            double[] w = new double[n];
            int rest = code;
            for (int c = 0; c < n; c++) {
                w[c] = GRID[rest % GRID.length];
                rest /= GRID.length;
            }
            double sum = 0;
            for (int s = 0; s < candidates.size(); s++) {
                int[] ids = candidates.get(s);
                double[][] compact = scaled.get(s);
                double[] score = new double[ids.length];
                for (int c = 0; c < n; c++) {
                    if (w[c] != 0) {
                        for (int j = 0; j < ids.length; j++) {
                            score[j] += w[c] * compact[c][j];
                        }
                    }
                }
                int[] top = TopK.select(score, K, null);
                for (int r = 0; r < top.length; r++) {
                    top[r] = ids[top[r]];
                }
                sum += RankingMetrics.recall(top, targets.get(s), K);
            }
            if (sum > bestRecall + 1e-9) {
                bestRecall = sum;
                best = new Blend(w);
            }
        }
        return best;
    }

    /** Recent listening: items and decayed weights, and the same as a dense vector over all items. */
    public record Profile(int[] items, double[] weights, double[] dense) {
    }

    /** Non-skipped listens of the 30 days before index {@code at}, weighted by recency. */
    static Profile profile(List<ListenEvent> sorted, int at, int items) {
        return profile(sorted, at, sorted.get(at).time(), items);
    }

    /** Non-skipped listens of the 30 days before {@code now}, weighted by recency (half-life a week). */
    public static Profile profile(List<ListenEvent> sorted, long now, int items) {
        return profile(sorted, indexAt(sorted, now), now, items);
    }

    private static Profile profile(List<ListenEvent> sorted, int at, long now, int items) {
        double[] dense = new double[items];
        for (int e = at - 1; e >= 0 && now - sorted.get(e).time() <= PROFILE_WINDOW_MS; e--) {
            ListenEvent event = sorted.get(e);
            if (!event.skipped()) {
                dense[event.item()] += Math.pow(0.5, (now - event.time()) / HALF_LIFE_MS);
            }
        }
        int count = 0;
        for (double v : dense) {
            count += v > 0 ? 1 : 0;
        }
        int[] profileItems = new int[count];
        double[] weights = new double[count];
        int p = 0;
        for (int i = 0; i < items; i++) {
            if (dense[i] > 0) {
                profileItems[p] = i;
                weights[p++] = dense[i];
            }
        }
        return new Profile(profileItems, weights, dense);
    }

    private static int[] target(List<ListenEvent> sorted, int from, int to) {
        return sorted.subList(from, to).stream().filter(e -> !e.skipped()).mapToInt(ListenEvent::item).distinct().sorted().toArray();
    }

    private static int indexAt(List<ListenEvent> sorted, long time) {
        int i = 0;
        while (i < sorted.size() && sorted.get(i).time() < time) {
            i++;
        }
        return i;
    }
}
