package fermata.core.model;

/**
 * A tempo that holds from {@code tick} until the next change. Stored as microseconds per quarter
 * note, the unit of a Standard MIDI File, so that MIDI tempi survive a round trip exactly.
 */
public record Tempo(long tick, long microsPerQuarter) {
    /** Slowest and fastest tempo a MIDI file can state (24-bit field), about 3.6 to 60,000,000 BPM. */
    public static final long MIN_MICROS = 1;
    public static final long MAX_MICROS = 0xFFFFFF;

    public Tempo {
        Check.range("tempo tick", tick, 0, Ppq.MAX_TICK);
        Check.range("microseconds per quarter", microsPerQuarter, MIN_MICROS, MAX_MICROS);
    }

    public static Tempo ofBpm(long tick, double bpm) {
        Check.finite("bpm", bpm);
        if (bpm <= 0) {
            throw new IllegalArgumentException("bpm must be positive, was " + bpm);
        }
        return new Tempo(tick, Math.round(60_000_000.0 / bpm));
    }

    public double bpm() {
        return 60_000_000.0 / microsPerQuarter;
    }
}
