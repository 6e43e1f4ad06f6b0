package fermata.core.engine.rt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of time-stamped MIDI channel messages,
 * lock-free and pre-allocated in parallel primitive arrays, so neither side allocates. It carries
 * live input from the MIDI side to the audio thread, and recorded messages from the audio thread
 * to the recorder. As in {@link CommandRing}, each index is written by one thread only (the
 * producer publishes a slot by a release store of {@code tail}, the consumer frees it by a release
 * store of {@code head}), which is what makes plain loads and release stores enough.
 */
final class MidiMessageRing {
    /** A message as the consumer sees it; one instance, reused by the consumer for every poll. */
    static final class Message {
        long frame;
        int status;
        int data1;
        int data2;
    }

    private final int mask;
    private final long[] frames;
    private final int[] statuses;
    private final int[] data1s;
    private final int[] data2s;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /** @param capacity a power of two */
    MidiMessageRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        mask = capacity - 1;
        frames = new long[capacity];
        statuses = new int[capacity];
        data1s = new int[capacity];
        data2s = new int[capacity];
    }

    /** Producer side: enqueues a message; false when the ring is full (the consumer is stalled). */
    boolean offer(long frame, int status, int data1, int data2) {
        long t = tail.get();
        if (t - head.get() > mask) {
            return false;
        }
        int slot = (int) (t & mask);
        frames[slot] = frame;
        statuses[slot] = status;
        data1s[slot] = data1;
        data2s[slot] = data2;
        tail.lazySet(t + 1);
        return true;
    }

    /** Consumer side: fills {@code into} with the oldest message and removes it; false when empty. */
    boolean poll(Message into) {
        long h = head.get();
        if (h == tail.get()) {
            return false;
        }
        int slot = (int) (h & mask);
        into.frame = frames[slot];
        into.status = statuses[slot];
        into.data1 = data1s[slot];
        into.data2 = data2s[slot];
        head.lazySet(h + 1);
        return true;
    }
}
