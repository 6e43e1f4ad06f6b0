package fermata.core.mix;

import java.util.EnumMap;
import java.util.Map;

/**
 * A mix target: loudness and true-peak ceiling, the tonal balance to lean towards, how hard the
 * master glue works and how loud each role sits against the others.
 *
 * @param name the preset's id ("streaming"), also its file name without ".json"
 * @param integratedLufs the master's integrated loudness target
 * @param truePeakDbtp the ceiling no true peak may cross
 * @param monoSafe keep every stem centred (podcasts, voice, mono playback)
 * @param lowTiltDb target level of the 63-125 Hz octaves against the 500 Hz-2 kHz octaves, dB
 * @param highTiltDb target level of the 4-8 kHz octaves against the 500 Hz-2 kHz octaves, dB
 * @param glueRatio the master compressor's ratio (1 turns it off)
 * @param glueReductionDb about how much the glue compressor takes off the loudest passages
 * @param roleLoudnessLu each role's loudness relative to the others, LU (shared among stems of one role)
 */
public record MixPreset(String name, String description, double integratedLufs, double truePeakDbtp, boolean monoSafe,
                        double lowTiltDb, double highTiltDb, double glueRatio, double glueReductionDb,
                        Map<StemRole, Double> roleLoudnessLu) {
    public MixPreset {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("preset name must be lower-case letters, digits and '-', was " + name);
        }
        description = description == null ? "" : description;
        requireRange("integrated loudness", integratedLufs, -40, -5);
        requireRange("true-peak ceiling", truePeakDbtp, -12, 0);
        requireRange("low tilt", lowTiltDb, -20, 20);
        requireRange("high tilt", highTiltDb, -30, 20);
        requireRange("glue ratio", glueRatio, 1, 10);
        requireRange("glue reduction", glueReductionDb, 0, 12);
        EnumMap<StemRole, Double> roles = new EnumMap<>(StemRole.class);
        for (StemRole r : StemRole.values()) {
            double lu = roleLoudnessLu.getOrDefault(r, -6.0);
            requireRange("loudness of role " + r.key(), lu, -30, 10);
            roles.put(r, lu);
        }
        roleLoudnessLu = java.util.Collections.unmodifiableMap(roles);
    }

    private static void requireRange(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + value);
        }
    }

    public double roleLoudness(StemRole role) {
        return roleLoudnessLu.get(role);
    }

    public MixPreset withLoudness(double lufs, double ceiling) {
        return new MixPreset(name, description, lufs, ceiling, monoSafe, lowTiltDb, highTiltDb, glueRatio,
                glueReductionDb, roleLoudnessLu);
    }
}
