package fermata.core.model;

import java.util.List;

/**
 * A channel strip: fader, pan, mute, solo and inserts. Used for tracks and for the master bus
 * (where pan and solo are ignored).
 *
 * @param gainDb fader gain in dB, -inf muting is done with {@code mute}; -96..+24
 * @param pan -1 (left) .. +1 (right), 0 centre
 */
public record MixerSettings(double gainDb, double pan, boolean mute, boolean solo, List<InsertSettings> inserts) {
    public static final MixerSettings UNITY = new MixerSettings(0, 0, false, false, List.of());
    public static final double MIN_GAIN_DB = -96;
    public static final double MAX_GAIN_DB = 24;

    public MixerSettings {
        Check.finite("gain", gainDb);
        Check.finite("pan", pan);
        if (gainDb < MIN_GAIN_DB || gainDb > MAX_GAIN_DB) {
            throw new IllegalArgumentException("gain must be in " + MIN_GAIN_DB + ".." + MAX_GAIN_DB + " dB, was " + gainDb);
        }
        if (pan < -1 || pan > 1) {
            throw new IllegalArgumentException("pan must be in -1..1, was " + pan);
        }
        inserts = List.copyOf(inserts);
    }

    public MixerSettings withGainDb(double g) {
        return new MixerSettings(g, pan, mute, solo, inserts);
    }

    public MixerSettings withPan(double p) {
        return new MixerSettings(gainDb, p, mute, solo, inserts);
    }

    public MixerSettings withMute(boolean m) {
        return new MixerSettings(gainDb, pan, m, solo, inserts);
    }

    public MixerSettings withSolo(boolean s) {
        return new MixerSettings(gainDb, pan, mute, s, inserts);
    }

    public MixerSettings withInserts(List<InsertSettings> chain) {
        return new MixerSettings(gainDb, pan, mute, solo, chain);
    }
}
