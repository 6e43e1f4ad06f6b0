package fermata.core.library;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the library window shows, read in one go on a worker: every track, a shelf of
 * recommendations per mode (the seed of "like" and "continue" is the last track played) and the
 * listens for the history plots.
 *
 * @param listens when each listen happened (epoch ms) and by which artist, oldest first
 */
public record LibraryOverview(List<Track> tracks, Map<RecommendationMode, List<Recommendation>> shelves,
                              List<Listen> listens) {
    /** One listen for the plots. */
    public record Listen(long time, String artist) {
    }

    public LibraryOverview {
        tracks = List.copyOf(tracks);
        shelves = Map.copyOf(shelves);
        listens = List.copyOf(listens);
    }

    /** Reads the library of {@code db}; {@code shelfSize} recommendations per shelf, recommended for {@code now}. */
    public static LibraryOverview load(LibraryDatabase db, ZoneId zone, int shelfSize, long now, Progress progress)
            throws LibraryException, CancelledException {
        progress.update(0, "reading the library");
        List<Track> tracks = new LibraryIndex(db).all();
        List<Listen> listens = db.read("read the listening history", c -> {
            List<Listen> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT listened_at, artist FROM listens ORDER BY listened_at");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Listen(r.getLong(1), r.getString(2)));
                }
            }
            return out;
        });
        Path lastPlayed = db.read("find the last track played", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT t.path FROM listens l JOIN tracks t ON t.id = l.track_id"
                    + " ORDER BY l.listened_at DESC LIMIT 1"); ResultSet r = s.executeQuery()) {
                return r.next() ? Path.of(r.getString(1)) : null;
            }
        });
        Map<RecommendationMode, List<Recommendation>> shelves = new EnumMap<>(RecommendationMode.class);
        if (!tracks.isEmpty()) {
            progress.update(0.3, "learning from your listening");
            LibraryRecommender recommender = LibraryRecommender.train(db, zone, 42, progress);
            for (RecommendationMode mode : RecommendationMode.values()) {
                boolean needsSeed = mode == RecommendationMode.LIKE || mode == RecommendationMode.CONTINUE;
                if (!needsSeed || lastPlayed != null) {
                    shelves.put(mode, recommender.recommend(mode, lastPlayed, shelfSize, now));
                }
            }
        }
        progress.update(1, "done");
        return new LibraryOverview(tracks, shelves, listens);
    }
}
