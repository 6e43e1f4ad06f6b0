package fermata.core.library.recommend;

import java.util.Arrays;

/**
 * Implicit feedback as a sparse listener-by-item matrix in compressed rows: for each listener (a
 * user of a data set, or one listening session of the library's owner) the items played and how
 * often. Rows are sorted by item; the arrays are never handed out, so a value is immutable.
 */
public final class Interactions {
    private final int users;
    private final int items;
    private final int[] rowStart;
    private final int[] itemOf;
    private final double[] plays;

    private Interactions(int users, int items, int[] rowStart, int[] itemOf, double[] plays) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.itemOf = itemOf;
        this.plays = plays;
    }

    /**
     * Builds the matrix from parallel triples; a repeated (user, item) pair adds its plays.
     *
     * @throws IllegalArgumentException for an index out of range or plays that are not positive
     */
    public static Interactions of(int users, int items, int[] user, int[] item, double[] playCount) {
        if (user.length != item.length || user.length != playCount.length) {
            throw new IllegalArgumentException("triples of unequal length");
        }
        int[] start = new int[users + 1];
        for (int t = 0; t < user.length; t++) {
            if (user[t] < 0 || user[t] >= users || item[t] < 0 || item[t] >= items) {
                throw new IllegalArgumentException("entry " + t + " (" + user[t] + ", " + item[t] + ") is outside "
                        + users + " x " + items);
            }
            if (!(playCount[t] > 0) || Double.isInfinite(playCount[t])) {
                throw new IllegalArgumentException("entry " + t + " has plays " + playCount[t] + "; plays must be positive");
            }
            start[user[t] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = Arrays.copyOf(start, users);
        long[] keyed = new long[user.length];
        for (int t = 0; t < user.length; t++) {
            keyed[fill[user[t]]++] = ((long) item[t] << 32) | t;
        }
        int[] outStart = new int[users + 1];
        int[] outItem = new int[user.length];
        double[] outPlays = new double[user.length];
        int n = 0;
        for (int u = 0; u < users; u++) {
            Arrays.sort(keyed, start[u], start[u + 1]);
            for (int p = start[u]; p < start[u + 1]; p++) {
                int t = (int) keyed[p];
                if (n > outStart[u] && outItem[n - 1] == item[t]) {
                    outPlays[n - 1] += playCount[t];
                } else {
                    outItem[n] = item[t];
                    outPlays[n] = playCount[t];
                    n++;
                }
            }
            outStart[u + 1] = n;
        }
        return new Interactions(users, items, outStart, Arrays.copyOf(outItem, n), Arrays.copyOf(outPlays, n));
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** Number of stored (listener, item) pairs. */
    public int entries() {
        return itemOf.length;
    }

    public int rowLength(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** The items of a listener's row, in increasing order. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(itemOf, rowStart[user], rowStart[user + 1]);
    }

    /** The plays of a listener's row, aligned with {@link #itemsOf}. */
    public double[] playsOf(int user) {
        return Arrays.copyOfRange(plays, rowStart[user], rowStart[user + 1]);
    }

    public boolean contains(int user, int item) {
        return Arrays.binarySearch(itemOf, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    /** How many listeners played each item. */
    public int[] listenersPerItem() {
        int[] count = new int[items];
        for (int i : itemOf) {
            count[i]++;
        }
        return count;
    }

    /** The item-by-listener matrix (columns of this one as rows). */
    public Interactions transposed() {
        int[] start = new int[items + 1];
        for (int i : itemOf) {
            start[i + 1]++;
        }
        for (int i = 0; i < items; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, items);
        int[] userOf = new int[itemOf.length];
        double[] tPlays = new double[itemOf.length];
        for (int u = 0; u < users; u++) {
            for (int p = rowStart[u]; p < rowStart[u + 1]; p++) {
                int slot = fill[itemOf[p]]++;
                userOf[slot] = u;
                tPlays[slot] = plays[p];
            }
        }
        return new Interactions(items, users, start, userOf, tPlays);
    }

    // Package-private raw access for the models' inner loops, which must not copy rows.
    int start(int user) {
        return rowStart[user];
    }

    int end(int user) {
        return rowStart[user + 1];
    }

    int itemAt(int position) {
        return itemOf[position];
    }

    double playsAt(int position) {
        return plays[position];
    }
}
