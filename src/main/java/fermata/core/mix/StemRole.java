package fermata.core.mix;

import java.util.Locale;

/** What a stem does in the arrangement; decides its loudness, panning, compression and EQ priority. */
public enum StemRole {
    DRUMS("drums"),
    BASS("bass"),
    LEAD("lead"),
    KEYS("keys"),
    GUITARS("guitars"),
    OTHER("other");

    private final String key;

    StemRole(String key) {
        this.key = key;
    }

    /** The name in presets, reports and on the command line. */
    public String key() {
        return key;
    }

    /** The role named {@code text} ("drums", "Lead", "guitar"), or an exception that lists the names. */
    public static StemRole parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (StemRole r : values()) {
            if (r.key.equals(t) || r.key.equals(t + "s") || r.name().toLowerCase(Locale.ROOT).equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use drums, bass, lead, keys, guitars or other");
    }
}
