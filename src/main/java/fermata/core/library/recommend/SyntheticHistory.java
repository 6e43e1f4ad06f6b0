package fermata.core.library.recommend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generator of realistic single-user listening histories, so that the temporal replay can be
 * tested without anyone's personal data. The planted structure:
 * <ul>
 * <li>Taste clusters: {@code clusters} groups of {@code tracksPerCluster} tracks (think genres or
 *     artists); within a cluster a few favourites get most plays (Zipf, exponent 1).</li>
 * <li>Time-of-day habits: cluster c prefers part c mod 4 of the day (night, morning, afternoon,
 *     evening, as in {@link TemporalReplay#partOfDay}); a session mostly picks a cluster of the
 *     part of the day it starts in (a quarter of the other clusters' tries pass as well).</li>
 * <li>Sessions: one to three a day at habitual hours (23h, 8h, 13h, 20h plus up to an hour), 4 to 20
 *     listens each, a few minutes apart.</li>
 * <li>Exploration and skips: 15% of listens are random tracks of any cluster; outside the session's
 *     cluster they are skipped 70% of the time, inside it 10% of the time.</li>
 * <li>Drift: every 60 days one cluster goes out of favour and is rarely chosen afterwards.</li>
 * </ul>
 * The same seed gives the same history.
 */
public final class SyntheticHistory {
    private SyntheticHistory() {
    }

    public record Settings(int clusters, int tracksPerCluster, int days, long seed) {
        public static final Settings DEFAULT = new Settings(8, 40, 365, 7);
    }

    /** The history (sorted by time) and each track's cluster. */
    public record History(List<ListenEvent> events, int[] clusterOf, int items) {
    }

    public static History generate(Settings s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        int items = s.clusters() * s.tracksPerCluster();
        int[] clusterOf = new int[items];
        for (int i = 0; i < items; i++) {
            clusterOf[i] = i / s.tracksPerCluster();
        }
        double[] zipf = new double[s.tracksPerCluster()];
        double total = 0;
        for (int r = 0; r < zipf.length; r++) {
            zipf[r] = 1.0 / (r + 1);
            total += zipf[r];
        }
        int[][] favouriteOrder = new int[s.clusters()][];
        for (int c = 0; c < s.clusters(); c++) {
            favouriteOrder[c] = shuffled(s.tracksPerCluster(), random);
        }
        boolean[] outOfFavour = new boolean[s.clusters()];
        int[] habitHours = {23, 8, 13, 20}; // by TemporalReplay.partOfDay: night, morning, afternoon, evening
        List<ListenEvent> events = new ArrayList<>();
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int day = 0; day < s.days(); day++) {
            if (day > 0 && day % 60 == 0) {
                outOfFavour[random.nextInt(s.clusters())] = true;
            }
            int sessions = 1 + random.nextInt(3);
            for (int session = 0; session < sessions; session++) {
                int part = random.nextInt(habitHours.length);
                ZonedDateTime at = start.plusDays(day).plusHours(habitHours[part]).plusMinutes(random.nextInt(60));
                int cluster = chooseCluster(part, s.clusters(), outOfFavour, random);
                long time = at.toInstant().toEpochMilli();
                int length = 4 + random.nextInt(17);
                for (int l = 0; l < length; l++) {
                    int item;
                    if (random.nextDouble() < 0.15) {
                        item = random.nextInt(items);
                    } else {
                        int rank = sample(zipf, total, random);
                        item = cluster * s.tracksPerCluster() + favouriteOrder[cluster][rank];
                    }
                    boolean inMood = clusterOf[item] == cluster;
                    boolean skipped = random.nextDouble() < (inMood ? 0.1 : 0.7);
                    events.add(new ListenEvent(time, item, skipped));
                    time += skipped ? 5_000 + random.nextInt(40_000) : 150_000 + random.nextInt(120_000);
                }
            }
        }
        events.sort(java.util.Comparator.comparingLong(ListenEvent::time));
        return new History(List.copyOf(events), clusterOf, items);
    }

    /** Clusters c with c % 4 == part are this part of the day's; three times in four the session keeps to them. */
    private static int chooseCluster(int part, int clusters, boolean[] outOfFavour, SplittableRandom random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int c = random.nextInt(clusters);
            boolean habitual = c % 4 == part;
            if ((habitual || random.nextDouble() < 0.25) && (!outOfFavour[c] || random.nextDouble() < 0.05)) {
                return c;
            }
        }
        return random.nextInt(clusters);
    }

    private static int sample(double[] weights, double total, SplittableRandom random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Hour of day (UTC) of a time, for habits. */
    public static int hourOf(long time) {
        return Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC).getHour();
    }
}
