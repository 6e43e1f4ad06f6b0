package fermata.core.library;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the listener asks for. */
public enum RecommendationMode {
    /** What fits the recent listening and this time of day, from the learnt blend. */
    FOR_YOU("for-you"),
    /** More like a seed track: same sessions, similar sound, same artist or genre. */
    LIKE("like"),
    /** Tracks once played often and gladly, not lately. */
    REDISCOVER("rediscover"),
    /** What to play after the current track: what followed it before, what goes with it. */
    CONTINUE("continue");

    private final String cliName;

    RecommendationMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<RecommendationMode> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst();
    }
}
