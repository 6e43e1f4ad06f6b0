package fermata.core.mix;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses a stem's {@link StemRole}: from its name first (people name stems "Kick", "Bass DI",
 * "Lead Vox"), else from its content. The content rules are simple and explainable on purpose,
 * since the user sees each reason and corrects the role when it is wrong:
 * hits that decay to near silence are drums; sustained energy mostly under 150 Hz is bass; a
 * noise-like spectrum is drums when it has onsets; a wide stereo image is keys and pads,
 * plucked and re-struck notes are guitars, chords are keys, and one harmonic voice is the lead.
 */
public final class RoleClassifier {
    /** The guess and why. */
    public record Guess(StemRole role, String reason) {
    }

    /** Words (whole tokens) and word starts that name each role, most specific first. */
    private static final List<Map.Entry<StemRole, List<String>>> NAMES = List.of(
            Map.entry(StemRole.BASS, List.of("bass", "sub", "808")),
            Map.entry(StemRole.DRUMS, List.of("kick", "kik", "bd", "snare", "sn", "hat", "hihat", "hh", "tom", "cymbal",
                    "crash", "ride", "overhead", "oh", "drum", "perc", "shaker", "clap", "tamb", "conga", "bongo", "loop")),
            Map.entry(StemRole.GUITARS, List.of("gtr", "guitar", "gt", "acoustic", "strat", "tele")),
            Map.entry(StemRole.KEYS, List.of("key", "piano", "pno", "rhodes", "organ", "pad", "synth", "string", "str",
                    "wurli", "epiano", "chord")),
            Map.entry(StemRole.LEAD, List.of("vox", "vocal", "voc", "lead", "sing", "voice", "melody", "solo", "sax",
                    "trumpet", "flute", "violin", "topline")));

    private RoleClassifier() {
    }

    public static Guess classify(String name, StemFeatures f) {
        String[] tokens = name.toLowerCase(Locale.ROOT).replaceAll("\\.[a-z0-9]{2,4}$", "").split("[^a-z0-9]+");
        for (Map.Entry<StemRole, List<String>> entry : NAMES) {
            for (String token : tokens) {
                for (String word : entry.getValue()) {
                    boolean matches = word.length() <= 3 ? token.equals(word) || token.equals(word + "s")
                            : token.startsWith(word);
                    if (matches && !token.isEmpty()) {
                        return new Guess(entry.getKey(), "its name contains '" + token + "'");
                    }
                }
            }
        }
        return fromContent(f);
    }

    static Guess fromContent(StemFeatures f) {
        String measured = String.format(Locale.ROOT, "%.1f onsets/s, median level %.0f dB under its peaks, "
                + "%.0f%% of its energy under 150 Hz, flatness %.2f, one-voice share %.2f, width %.2f",
                f.onsetsPerSecond(), -f.sustainDb(), 100 * f.lowShare(), f.flatness(), f.monophony(), f.stereoWidth());
        boolean hits = f.onsetsPerSecond() >= 0.8 && f.sustainDb() <= -12;
        if (hits) {
            return new Guess(StemRole.DRUMS, "hits that decay to near silence (" + measured + ")");
        }
        if (f.lowShare() >= 0.6) {
            return new Guess(StemRole.BASS, "sustained energy mostly under 150 Hz (" + measured + ")");
        }
        if (f.flatness() >= 0.25) {
            return f.onsetsPerSecond() >= 0.8
                    ? new Guess(StemRole.DRUMS, "a noise-like spectrum with onsets (" + measured + ")")
                    : new Guess(StemRole.OTHER, "a noise-like spectrum without a beat (" + measured + ")");
        }
        if (f.stereoWidth() >= 0.25) {
            return new Guess(StemRole.KEYS, "a wide stereo image (" + measured + ")");
        }
        if (f.onsetsPerSecond() >= 1.5 && f.sustainDb() <= -4 && f.monophony() >= 0.4) {
            return new Guess(StemRole.GUITARS, "plucked notes that decay between onsets (" + measured + ")");
        }
        if (f.monophony() < 0.55) {
            return new Guess(StemRole.KEYS, "chords: no single harmonic series explains the sound (" + measured + ")");
        }
        if (f.centroidHz() >= 200) {
            return new Guess(StemRole.LEAD, "one sustained harmonic voice (" + measured + ")");
        }
        return new Guess(StemRole.OTHER, "no role's pattern fits clearly (" + measured + ")");
    }
}
