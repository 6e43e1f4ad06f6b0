package fermata.core.library.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * Listening sessions: a listen more than {@link #GAP_MS} (30 minutes) after the previous one starts
 * a new session. Sessions play the part of users for the collaborative models: tracks played in
 * the same session are related. Skipped listens do not count.
 */
public final class Sessions {
    public static final long GAP_MS = 30 * 60_000L;

    private Sessions() {
    }

    /** Start indices of sessions in time-sorted events, plus events.size() at the end. */
    public static int[] boundaries(List<ListenEvent> sorted) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || sorted.get(i).time() - sorted.get(i - 1).time() > GAP_MS) {
                starts.add(i);
            }
        }
        starts.add(sorted.size());
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The session-by-item matrix of non-skipped plays of events[from, to). */
    public static Interactions matrix(List<ListenEvent> sorted, int from, int to, int items) {
        int[] bounds = boundaries(sorted.subList(from, to));
        int sessions = bounds.length - 1;
        List<int[]> entries = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            for (int e = bounds[s]; e < bounds[s + 1]; e++) {
                ListenEvent event = sorted.get(from + e);
                if (!event.skipped()) {
                    entries.add(new int[] {s, event.item()});
                }
            }
        }
        int[] u = new int[entries.size()];
        int[] i = new int[entries.size()];
        double[] w = new double[entries.size()];
        for (int t = 0; t < entries.size(); t++) {
            u[t] = entries.get(t)[0];
            i[t] = entries.get(t)[1];
            w[t] = 1;
        }
        return Interactions.of(Math.max(1, sessions), items, u, i, w);
    }
}
