package fermata.core.library;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The library schema as an ordered list of migrations; {@code schema_version} holds the number of
 * migrations applied. Each migration runs in its own transaction, so a crash leaves the database
 * at one version or the next, never between. Migrations are only ever appended.
 */
final class SchemaMigrations {
    static final List<String[]> MIGRATIONS = List.<String[]>of(
            new String[] {
                "CREATE TABLE folders (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, added_at INTEGER NOT NULL)",
                "CREATE TABLE tracks (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, folder_id INTEGER REFERENCES folders(id),"
                        + " size INTEGER NOT NULL, mtime INTEGER NOT NULL, title TEXT, artist TEXT, album TEXT, album_artist TEXT,"
                        + " genre TEXT, year INTEGER, track_number INTEGER, duration_ms INTEGER, rating INTEGER,"
                        + " recording_mbid TEXT, match_key TEXT NOT NULL, added_at INTEGER NOT NULL)",
                "CREATE INDEX tracks_match ON tracks(match_key)",
                "CREATE INDEX tracks_mbid ON tracks(recording_mbid)",
                "CREATE TABLE scan_problems (path TEXT PRIMARY KEY, problem TEXT NOT NULL, seen_at INTEGER NOT NULL)",
                "CREATE TABLE features (track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,"
                        + " tempo_bpm REAL, key_name TEXT, loudness_lufs REAL, mfcc_mean TEXT, mfcc_var TEXT,"
                        + " chroma_mean TEXT, chroma_var TEXT, error TEXT, computed_at INTEGER NOT NULL)",
                // One row per listen, from any source. (listened_at, match_key) is the identity that makes
                // imports idempotent: the same listen imported twice is the same row.
                "CREATE TABLE listens (id INTEGER PRIMARY KEY, listened_at INTEGER NOT NULL, artist TEXT NOT NULL,"
                        + " title TEXT NOT NULL, album TEXT, duration_ms INTEGER, played_ms INTEGER, skipped INTEGER,"
                        + " recording_mbid TEXT, match_key TEXT NOT NULL, track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,"
                        + " source TEXT NOT NULL, UNIQUE (listened_at, match_key))",
                "CREATE INDEX listens_track ON listens(track_id, listened_at)",
                "CREATE TABLE imports (id INTEGER PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL, finished_at INTEGER NOT NULL,"
                        + " matched INTEGER NOT NULL, unmatched INTEGER NOT NULL, duplicates INTEGER NOT NULL, malformed INTEGER NOT NULL)",
                // Totals from sources that keep counts, not individual listens (iTunes' Play Count and Skip Count).
                "CREATE TABLE play_counts (source TEXT NOT NULL, match_key TEXT NOT NULL, artist TEXT NOT NULL, title TEXT NOT NULL,"
                        + " plays INTEGER NOT NULL, skips INTEGER NOT NULL, last_played INTEGER,"
                        + " track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL, PRIMARY KEY (source, match_key))",
                "CREATE TABLE playlists (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, rule TEXT NOT NULL, created_at INTEGER NOT NULL)"
            });

    private SchemaMigrations() {
    }

    /** Applies the migrations the database lacks; returns the version it is at afterwards. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int version = version(connection);
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the library database is at schema version " + version + ", newer than this Fermata ("
                    + MIGRATIONS.size() + ")");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
        return MIGRATIONS.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
