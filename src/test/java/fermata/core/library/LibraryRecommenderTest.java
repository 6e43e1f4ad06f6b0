package fermata.core.library;

import fermata.core.library.recommend.ListenEvent;
import fermata.core.library.recommend.SyntheticHistory;
import fermata.core.library.recommend.TemporalReplay;
import fermata.core.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recommender over a library whose history is the planted synthetic one: track i of cluster c
 * is "/music/c<c>/t<i>.mp3" by "Artist <c>" in genre "Genre <c>", with features (tempo and key)
 * shared by its cluster; one never-played track sounds like cluster 1.
 */
class LibraryRecommenderTest {
    @TempDir
    static Path dir;
    static LibraryDatabase db;
    static SyntheticHistory.History history;
    static LibraryRecommender recommender;
    static long end;

    static Path path(int item) {
        return Path.of("/music/c" + history.clusterOf()[item] + "/t" + item + ".mp3");
    }

    @BeforeAll
    static void library() throws Exception {
        history = SyntheticHistory.generate(new SyntheticHistory.Settings(8, 30, 240, 5));
        db = LibraryDatabase.open(dir.resolve("library.db"));
        db.inTransaction("planting", c -> {
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tracks (id, path, size, mtime, title, artist, genre, duration_ms,"
                    + " match_key, added_at) VALUES (?, ?, 1, 1, ?, ?, ?, 200000, ?, 0)");
                 PreparedStatement f = c.prepareStatement("INSERT INTO features (track_id, tempo_bpm, key_name, loudness_lufs, mfcc_mean,"
                         + " mfcc_var, chroma_mean, chroma_var, computed_at) VALUES (?, ?, ?, -14, ?, '1,1', ?, '1,1', 0)")) {
                for (int i = 0; i <= history.items(); i++) {
                    int cluster = i < history.items() ? history.clusterOf()[i] : 1;
                    String title = i < history.items() ? "Song " + i : "Fresh Arrival";
                    String p = i < history.items() ? path(i).toString() : "/music/new/fresh.mp3";
                    t.setLong(1, i + 1);
                    t.setString(2, p);
                    t.setString(3, title);
                    t.setString(4, "Artist " + cluster + (i == history.items() ? " (new)" : ""));
                    t.setString(5, "Genre " + cluster);
                    t.setString(6, MatchKey.of("Artist " + cluster, title));
                    t.executeUpdate();
                    f.setLong(1, i + 1);
                    f.setDouble(2, 80 + 10 * cluster);
                    f.setString(3, new String[] {"C major", "A minor", "G major", "E minor", "D major", "B minor", "F major", "D minor"}[cluster]);
                    f.setString(4, cluster + "," + (cluster % 3));
                    f.setString(5, (cluster % 2) + "," + (cluster % 4));
                    f.executeUpdate();
                }
            }
            try (PreparedStatement l = c.prepareStatement("INSERT INTO listens (listened_at, artist, title, match_key, track_id, skipped,"
                    + " source) VALUES (?, 'a', 't', ?, ?, ?, 'test')")) {
                for (ListenEvent e : history.events()) {
                    l.setLong(1, e.time());
                    l.setString(2, "k" + e.item() + "@" + e.time());
                    l.setLong(3, e.item() + 1);
                    l.setInt(4, e.skipped() ? 1 : 0);
                    l.addBatch();
                }
                l.executeBatch();
            }
            return null;
        });
        end = history.events().get(history.events().size() - 1).time();
        recommender = LibraryRecommender.train(db, ZoneOffset.UTC, 3, Progress.NONE);
    }

    @AfterAll
    static void close() throws LibraryException {
        db.close();
    }

    private static int clusterOf(Recommendation r) {
        return Integer.parseInt(r.track().path().getParent().getFileName().toString().substring(1));
    }

    @Test
    void moreLikeThisStaysInTheSeedsClusterAndFindsTheNeverPlayedTrackThatSoundsAlike() throws Exception {
        int seed = 30 + 3; // a track of cluster 1
        List<Recommendation> like = recommender.recommend(RecommendationMode.LIKE, path(seed), 32, end);
        assertEquals(32, like.size());
        long sameCluster = like.subList(0, 10).stream().filter(r -> r.track().path().startsWith("/music/c1")).count();
        assertTrue(sameCluster >= 8, sameCluster + " of 10 from the seed's cluster: " + like);
        assertTrue(like.stream().allMatch(r -> !r.explanation().isBlank()));
        assertTrue(like.stream().anyMatch(r -> r.explanation().contains("played in the same sessions as \u201cSong 33\u201d")), like.toString());
        // The cluster's own tracks share sessions, sound and artist; the newcomer only sound and genre, so it comes after them.
        Recommendation fresh = like.stream().filter(r -> r.track().displayTitle().equals("Fresh Arrival")).findFirst().orElseThrow(
                () -> new AssertionError("the never-played look-alike is missing: " + like));
        assertTrue(fresh.explanation().contains("same key (A minor) and tempo (about 90 BPM)"), fresh.explanation());
        assertThrows(LibraryException.class, () -> recommender.recommend(RecommendationMode.LIKE, Path.of("/nowhere.mp3"), 10, end));
    }

    @Test
    void forYouFollowsTheTimeOfDayAndExplains() throws Exception {
        long evening = end - end % 86_400_000L + 86_400_000L + 20 * 3_600_000L; // 20h the day after the history
        assertEquals(3, TemporalReplay.partOfDay(evening, ZoneOffset.UTC));
        List<Recommendation> forYou = recommender.recommend(RecommendationMode.FOR_YOU, null, 10, evening);
        assertEquals(10, forYou.size());
        long eveningClusters = forYou.stream().filter(r -> clusterOf(r) % 4 == 3).count();
        assertTrue(eveningClusters >= 3, eveningClusters + " of 10 from evening clusters (2 of 8 clusters): " + forYou
                + "; blend " + recommender.blend());
        assertTrue(forYou.stream().allMatch(r -> !r.explanation().isBlank()), forYou.toString());
    }

    @Test
    void rediscoverOffersOnlyLovedTracksNotPlayedForTwoMonths() throws Exception {
        List<Recommendation> old = recommender.recommend(RecommendationMode.REDISCOVER, null, 10, end);
        assertFalse(old.isEmpty(), "clusters fall out of favour every 60 days, so there is something to rediscover");
        for (Recommendation r : old) {
            PlayLog.TrackStats stats = new PlayLog(db).stats(r.track().id());
            assertTrue(stats.plays() >= 3, r.toString());
            assertTrue(end - stats.lastPlayed() >= LibraryRecommender.REDISCOVER_AFTER_MS, r.toString());
            assertTrue(r.explanation().matches("played \\d+ times.*; last played \\d+ (weeks|months) ago"), r.explanation());
        }
    }

    @Test
    void continueSuggestsWhatFollowedTheCurrentTrack() throws Exception {
        List<Recommendation> next = recommender.recommend(RecommendationMode.CONTINUE, path(65), 5, end);
        assertEquals(5, next.size());
        assertTrue(next.get(0).explanation().startsWith("followed \u201cSong 65\u201d"), next.toString());
        assertTrue(next.stream().noneMatch(r -> r.track().path().equals(path(65))));
    }

    @Test
    void smartPlaylistsAreSavedAsRulesAndFollowTheListening() throws Exception {
        SmartPlaylists playlists = new SmartPlaylists(db);
        playlists.save("more of song 33", new SmartPlaylists.Rule(RecommendationMode.LIKE, path(33), 5, null));
        playlists.save("genre 2 for me", new SmartPlaylists.Rule(RecommendationMode.FOR_YOU, null, 4, "genre 2"));
        playlists.save("genre 2 for me", new SmartPlaylists.Rule(RecommendationMode.FOR_YOU, null, 3, "Genre 2"));
        assertEquals(List.of("genre 2 for me", "more of song 33"), List.copyOf(new SmartPlaylists(db).all().keySet()));
        assertEquals(3, playlists.all().get("genre 2 for me").n(), "saving again replaces the rule");
        List<Recommendation> genre = playlists.evaluate("genre 2 for me", recommender, end);
        assertEquals(3, genre.size());
        assertTrue(genre.stream().allMatch(r -> "Genre 2".equals(r.track().genre())), genre.toString());
        assertEquals(recommender.recommend(RecommendationMode.LIKE, path(33), 5, end), playlists.evaluate("more of song 33", recommender, end));
        assertTrue(playlists.delete("more of song 33"));
        assertThrows(LibraryException.class, () -> playlists.evaluate("more of song 33", recommender, end));
    }

    @Test
    void theOverviewHasEveryTrackAShelfPerModeAndTheListensInOrder() throws Exception {
        LibraryOverview overview = LibraryOverview.load(db, ZoneOffset.UTC, 5, end, Progress.NONE);
        assertEquals(history.items() + 1, overview.tracks().size());
        assertEquals(history.events().size(), overview.listens().size());
        for (int i = 1; i < overview.listens().size(); i++) {
            assertTrue(overview.listens().get(i - 1).time() <= overview.listens().get(i).time());
        }
        for (RecommendationMode mode : RecommendationMode.values()) {
            List<Recommendation> shelf = overview.shelves().get(mode);
            assertTrue(shelf != null && !shelf.isEmpty() && shelf.size() <= 5, mode + ": " + shelf);
        }
    }
}
