package fermata.core.library.history;

/** Totals from a source that keeps counts rather than listens (iTunes); location is a file path or null. */
public record PlayCount(String artist, String title, String album, Long durationMs, int plays, int skips, Long lastPlayed,
                        String location) {
}
