package fermata.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Converts ticks to seconds and sample frames and back. A class rather than a record because it
 * carries a cumulative table (seconds at each change) built once, so each conversion is a binary
 * search, not a walk over every earlier change: files with tens of thousands of tempo changes
 * stay fast. Immutable; equality is by the list of changes.
 */
public final class TempoMap {
    public static final TempoMap DEFAULT = new TempoMap(List.of(Tempo.ofBpm(0, 120)));

    private final List<Tempo> changes;
    private final long[] ticks;
    private final double[] secondsPerTick;
    private final double[] secondsAt;

    /**
     * @param changes tempo changes in any order; one at tick 0 is added (120 BPM) if missing,
     *     and of several at the same tick the last one in the list wins.
     */
    public TempoMap(List<Tempo> changes) {
        List<Tempo> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingLong(Tempo::tick));
        List<Tempo> unique = new ArrayList<>(sorted.size() + 1);
        for (Tempo t : sorted) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).tick() == t.tick()) {
                unique.set(unique.size() - 1, t);
            } else {
                unique.add(t);
            }
        }
        if (unique.isEmpty() || unique.get(0).tick() != 0) {
            unique.add(0, new Tempo(0, unique.isEmpty() ? 500_000 : unique.get(0).microsPerQuarter()));
        }
        this.changes = List.copyOf(unique);
        int n = unique.size();
        ticks = new long[n];
        secondsPerTick = new double[n];
        secondsAt = new double[n];
        double seconds = 0;
        for (int i = 0; i < n; i++) {
            Tempo t = unique.get(i);
            if (i > 0) {
                seconds += (t.tick() - ticks[i - 1]) * secondsPerTick[i - 1];
            }
            ticks[i] = t.tick();
            secondsPerTick[i] = t.microsPerQuarter() / (1e6 * Ppq.TICKS_PER_QUARTER);
            secondsAt[i] = seconds;
        }
    }

    public static TempoMap constant(double bpm) {
        return new TempoMap(List.of(Tempo.ofBpm(0, bpm)));
    }

    /** The changes, sorted by tick, the first at tick 0. */
    public List<Tempo> changes() {
        return changes;
    }

    /** The tempo in force at a tick. */
    public Tempo tempoAt(long tick) {
        return changes.get(indexAtTick(tick));
    }

    public double seconds(long tick) {
        int i = indexAtTick(tick);
        return secondsAt[i] + (tick - ticks[i]) * secondsPerTick[i];
    }

    /** Seconds at a fractional tick, for sub-tick positions such as a playhead. */
    public double seconds(double tick) {
        int i = indexAtTick((long) Math.floor(tick));
        return secondsAt[i] + (tick - ticks[i]) * secondsPerTick[i];
    }

    /** The sample frame at which a tick falls, rounded to the nearest frame. */
    public long frame(long tick, int sampleRate) {
        return Math.round(seconds(tick) * sampleRate);
    }

    /** The (fractional) tick at a time in seconds; negative times map to negative ticks at the first tempo. */
    public double tick(double seconds) {
        int lo = 0;
        int hi = secondsAt.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (secondsAt[mid] <= seconds) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return ticks[lo] + (seconds - secondsAt[lo]) / secondsPerTick[lo];
    }

    /** The (fractional) tick at a sample frame. */
    public double tickAtFrame(long frame, int sampleRate) {
        return tick((double) frame / sampleRate);
    }

    private int indexAtTick(long tick) {
        int i = Arrays.binarySearch(ticks, tick);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, -i - 2);
    }

    /** A new map with one tempo set at a tick, replacing any change at that tick. */
    public TempoMap with(Tempo tempo) {
        List<Tempo> next = new ArrayList<>(changes);
        next.removeIf(t -> t.tick() == tempo.tick());
        next.add(tempo);
        return new TempoMap(next);
    }

    /** A new map without the change at a tick; the change at tick 0 can only be replaced. */
    public TempoMap without(long tick) {
        if (tick == 0) {
            return this;
        }
        List<Tempo> next = new ArrayList<>(changes);
        next.removeIf(t -> t.tick() == tick);
        return new TempoMap(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TempoMap other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "TempoMap" + changes;
    }
}
