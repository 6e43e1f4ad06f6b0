package fermata.core.library.history;

/**
 * One listen from any source. Time is when it started, in milliseconds since the epoch (UTC).
 * Optional facts are null when the source does not say: album, the track's length, how long it
 * was played, whether it was skipped, its MusicBrainz recording id.
 */
public record Listen(long startedAt, String artist, String title, String album, Long durationMs, Long playedMs,
                     Boolean skipped, String recordingMbid) {
    public Listen {
        if (artist == null || artist.isBlank() || title == null || title.isBlank()) {
            throw new IllegalArgumentException("a listen needs an artist and a title");
        }
    }
}
