package fermata.core.model;

import java.util.List;
import java.util.Locale;

/**
 * A position in bars, beats and ticks as a transport shows it, counted from 1 (bar 1, beat 1,
 * tick 0 is the start). Each time-signature change starts a new bar, however the previous bar
 * ended; a change placed mid-bar shortens that bar.
 *
 * @param bar 1-based bar
 * @param beat 1-based beat in the bar (beats of the meter's denominator)
 * @param tick 0-based tick within the beat
 */
public record BarPosition(long bar, int beat, long tick) {

    /** The bar, beat and tick of {@code tick} under {@code meters} (sorted, the first at tick 0). */
    public static BarPosition of(long tick, List<TimeSignature> meters) {
        long barsBefore = 0;
        TimeSignature meter = meters.get(0);
        for (int i = 1; i < meters.size() && meters.get(i).tick() <= tick; i++) {
            TimeSignature next = meters.get(i);
            barsBefore += ceilDiv(next.tick() - meter.tick(), meter.ticksPerBar());
            meter = next;
        }
        long into = tick - meter.tick();
        long bar = barsBefore + into / meter.ticksPerBar();
        long inBar = into % meter.ticksPerBar();
        return new BarPosition(bar + 1, (int) (inBar / meter.ticksPerBeat()) + 1, inBar % meter.ticksPerBeat());
    }

    /** The tick where bar {@code bar} (1-based) starts under {@code meters}. */
    public static long startOfBar(long bar, List<TimeSignature> meters) {
        long barsBefore = 0;
        TimeSignature meter = meters.get(0);
        for (int i = 1; i < meters.size(); i++) {
            TimeSignature next = meters.get(i);
            long barsInMeter = ceilDiv(next.tick() - meter.tick(), meter.ticksPerBar());
            if (barsBefore + barsInMeter >= bar) {
                break;
            }
            barsBefore += barsInMeter;
            meter = next;
        }
        return meter.tick() + (bar - 1 - barsBefore) * meter.ticksPerBar();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** As a transport shows it: {@code 12.3.480}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d.%d.%03d", bar, beat, tick);
    }
}
