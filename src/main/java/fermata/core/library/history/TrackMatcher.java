package fermata.core.library.history;

import fermata.core.library.MatchKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the library file a listen was of: by MusicBrainz recording id when both sides have one,
 * else by normalised artist and title ({@link MatchKey}); when the listen knows the track's length,
 * a candidate must be within {@value #TOLERANCE_MS} ms or {@value #TOLERANCE_PERCENT}% of it
 * (remasters and live takes share names), and the closest wins.
 */
final class TrackMatcher {
    static final long TOLERANCE_MS = 5000;
    static final int TOLERANCE_PERCENT = 5;

    private record Candidate(long id, long durationMs) {
    }

    private final Map<String, List<Candidate>> byKey = new HashMap<>();
    private final Map<String, Long> byMbid = new HashMap<>();
    private final Map<String, Long> byPath = new HashMap<>();

    TrackMatcher(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, match_key, duration_ms, recording_mbid, path FROM tracks")) {
            while (r.next()) {
                long id = r.getLong(1);
                byKey.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(new Candidate(id, r.getLong(3)));
                if (r.getString(4) != null) {
                    byMbid.put(r.getString(4).toLowerCase(java.util.Locale.ROOT), id);
                }
                byPath.put(r.getString(5), id);
            }
        }
    }

    /** The matching track's id, or null. */
    Long match(String matchKey, Long durationMs, String mbid, String path) {
        if (path != null && byPath.containsKey(path)) {
            return byPath.get(path);
        }
        if (mbid != null) {
            Long id = byMbid.get(mbid.toLowerCase(java.util.Locale.ROOT));
            if (id != null) {
                return id;
            }
        }
        List<Candidate> candidates = byKey.get(matchKey);
        if (candidates == null) {
            return null;
        }
        Candidate best = null;
        long bestGap = Long.MAX_VALUE;
        for (Candidate c : candidates) {
            long gap = durationMs == null ? 0 : Math.abs(c.durationMs() - durationMs);
            long allowed = Math.max(TOLERANCE_MS, c.durationMs() * TOLERANCE_PERCENT / 100);
            if (gap <= allowed && gap < bestGap) {
                best = c;
                bestGap = gap;
            }
        }
        return best == null ? null : best.id();
    }
}
