package fermata.core.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The library player's own history: each play with its start, how long it played and whether it
 * was a skip ({@link SkipRule}), stored as listens with source "fermata" beside imported ones, and
 * per-track statistics over all sources.
 */
public final class PlayLog {
    public static final String SOURCE = "fermata";

    private final LibraryDatabase db;

    public PlayLog(LibraryDatabase db) {
        this.db = db;
    }

    /** Play and skip counts of a track (its own listens plus imported counts) and when it was last played. */
    public record TrackStats(long trackId, int plays, int skips, Long lastPlayed) {
    }

    /** Logs one play; returns how the skip rule judged it (IGNORED plays are not stored). */
    public SkipRule.Outcome record(Track track, long startedAt, long playedMs, boolean endedByUser) throws LibraryException {
        SkipRule.Outcome outcome = SkipRule.judge(playedMs, track.durationMs(), endedByUser);
        if (outcome == SkipRule.Outcome.IGNORED) {
            return outcome;
        }
        db.inTransaction("logging a play", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO listens (listened_at, artist, title, album, duration_ms,"
                    + " played_ms, skipped, recording_mbid, match_key, track_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, startedAt);
                s.setString(2, track.displayArtist());
                s.setString(3, track.displayTitle());
                s.setString(4, track.album());
                s.setLong(5, track.durationMs());
                s.setLong(6, playedMs);
                s.setInt(7, outcome == SkipRule.Outcome.SKIPPED ? 1 : 0);
                s.setString(8, track.recordingMbid());
                s.setString(9, MatchKey.of(track.displayArtist(), track.displayTitle()));
                s.setLong(10, track.id());
                s.setString(11, SOURCE);
                s.executeUpdate();
            }
            return null;
        });
        return outcome;
    }

    public TrackStats stats(long trackId) throws LibraryException {
        return db.read("reading play counts", c -> {
            int plays = 0;
            int skips = 0;
            Long last = null;
            try (PreparedStatement s = c.prepareStatement("SELECT SUM(CASE WHEN skipped = 1 THEN 0 ELSE 1 END),"
                    + " SUM(CASE WHEN skipped = 1 THEN 1 ELSE 0 END), MAX(CASE WHEN skipped = 1 THEN NULL ELSE listened_at END)"
                    + " FROM listens WHERE track_id = ?")) {
                s.setLong(1, trackId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        plays += r.getInt(1);
                        skips += r.getInt(2);
                        long l = r.getLong(3);
                        last = r.wasNull() ? null : l;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT SUM(plays), SUM(skips), MAX(last_played) FROM play_counts WHERE track_id = ?")) {
                s.setLong(1, trackId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        plays += r.getInt(1);
                        skips += r.getInt(2);
                        long l = r.getLong(3);
                        if (!r.wasNull() && (last == null || l > last)) {
                            last = l;
                        }
                    }
                }
            }
            return new TrackStats(trackId, plays, skips, last);
        });
    }

    public Optional<Long> lastPlayed(long trackId) throws LibraryException {
        return Optional.ofNullable(stats(trackId).lastPlayed());
    }
}
