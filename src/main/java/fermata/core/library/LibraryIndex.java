package fermata.core.library;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read access to the library's tracks. */
public final class LibraryIndex {
    static final String COLUMNS = "id, path, title, artist, album, album_artist, genre, year, track_number, duration_ms, rating, recording_mbid";

    private final LibraryDatabase db;

    public LibraryIndex(LibraryDatabase db) {
        this.db = db;
    }

    public Optional<Track> trackAt(Path file) throws LibraryException {
        return db.read("finding a track", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tracks WHERE path = ?")) {
                s.setString(1, file.toAbsolutePath().normalize().toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(track(r)) : Optional.<Track>empty();
                }
            }
        });
    }

    public Optional<Track> track(long id) throws LibraryException {
        return db.read("finding a track", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tracks WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(track(r)) : Optional.<Track>empty();
                }
            }
        });
    }

    /** Every track, by artist, album, track number and path. */
    public List<Track> all() throws LibraryException {
        return db.read("listing tracks", c -> {
            List<Track> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tracks"
                    + " ORDER BY artist COLLATE NOCASE, album COLLATE NOCASE, track_number, path");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(track(r));
                }
            }
            return out;
        });
    }

    static Track track(ResultSet r) throws SQLException {
        return new Track(r.getLong(1), Path.of(r.getString(2)), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), integer(r, 8), integer(r, 9), r.getLong(10), integer(r, 11), r.getString(12));
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }
}
