package fermata.core.midi;

import java.util.Arrays;

/**
 * Note-ons still waiting for their note-off, one first-in first-out queue per (channel, key).
 * A note-off ends the oldest open note of its key: with two overlapping notes of the same pitch on
 * the same channel, the first off ends the first on, which is what most sequencers do and what
 * {@link SmfWriter} relies on to write such notes back unchanged.
 *
 * <p>Queues are linked lists threaded through primitive arrays, so pairing a million notes makes
 * no garbage; the arrays grow only with the number of notes open at the same time.
 */
final class OpenNotes {
    static final int KEYS = 16 * 128;
    private static final int NONE = -1;

    private final int[] head = new int[KEYS];
    private final int[] tail = new int[KEYS];
    private long[] startTick = new long[64];
    private int[] velocity = new int[64];
    private int[] next = new int[64];
    private int freeList = NONE;
    private int used;
    private int openCount;

    OpenNotes() {
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
    }

    static int key(int channel, int pitch) {
        return channel << 7 | pitch;
    }

    void open(int key, long tick, int noteVelocity) {
        int node = allocate();
        startTick[node] = tick;
        velocity[node] = noteVelocity;
        next[node] = NONE;
        if (tail[key] == NONE) {
            head[key] = node;
        } else {
            next[tail[key]] = node;
        }
        tail[key] = node;
        openCount++;
    }

    /**
     * Removes the oldest open note of a key and returns its handle for {@link #start} and
     * {@link #velocity}, valid until the next {@link #open}; {@code -1} when none is open.
     */
    int closeOldest(int key) {
        int node = head[key];
        if (node == NONE) {
            return NONE;
        }
        head[key] = next[node];
        if (head[key] == NONE) {
            tail[key] = NONE;
        }
        next[node] = freeList;
        freeList = node;
        openCount--;
        return node;
    }

    long start(int handle) {
        return startTick[handle];
    }

    int velocity(int handle) {
        return velocity[handle];
    }

    boolean isEmpty() {
        return openCount == 0;
    }

    private int allocate() {
        if (freeList != NONE) {
            int node = freeList;
            freeList = next[node];
            return node;
        }
        if (used == next.length) {
            int grown = used * 2;
            startTick = Arrays.copyOf(startTick, grown);
            velocity = Arrays.copyOf(velocity, grown);
            next = Arrays.copyOf(next, grown);
        }
        return used++;
    }
}
