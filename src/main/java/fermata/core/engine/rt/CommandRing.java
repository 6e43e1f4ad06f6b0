package fermata.core.engine.rt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of engine commands, lock-free and
 * pre-allocated: a command is a type plus three primitive arguments stored in parallel arrays,
 * so neither side allocates. The producer (the UI thread) publishes a slot by a release store of
 * {@code tail}; the consumer (the audio thread) frees it by a release store of {@code head}. Each
 * index is written by one thread only, which is what makes plain loads and release stores enough.
 */
public final class CommandRing {
    /** A command as the consumer sees it; one instance, reused by the consumer for every poll. */
    public static final class Command {
        public int type;
        public int index;
        public long a;
        public long b;
        public double value;
    }

    private final int mask;
    private final int[] types;
    private final int[] indices;
    private final long[] as;
    private final long[] bs;
    private final double[] values;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /** @param capacity a power of two */
    public CommandRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        mask = capacity - 1;
        types = new int[capacity];
        indices = new int[capacity];
        as = new long[capacity];
        bs = new long[capacity];
        values = new double[capacity];
    }

    /** Producer side: enqueues a command; false when the ring is full (the consumer is stalled). */
    public boolean offer(int type, int index, long a, long b, double value) {
        long t = tail.get();
        if (t - head.get() > mask) {
            return false;
        }
        int slot = (int) (t & mask);
        types[slot] = type;
        indices[slot] = index;
        as[slot] = a;
        bs[slot] = b;
        values[slot] = value;
        tail.lazySet(t + 1);
        return true;
    }

    /** Consumer side: fills {@code into} with the oldest command and removes it; false when empty. */
    public boolean poll(Command into) {
        long h = head.get();
        if (h == tail.get()) {
            return false;
        }
        int slot = (int) (h & mask);
        into.type = types[slot];
        into.index = indices[slot];
        into.a = as[slot];
        into.b = bs[slot];
        into.value = values[slot];
        head.lazySet(h + 1);
        return true;
    }
}
